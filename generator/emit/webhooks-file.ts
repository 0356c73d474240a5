/**
 * src/webhooks.ts (where the spec has `webhooks` and `x-specsmith-webhooks`):
 * the typed union of delivery payloads, and `verifyWebhook`, which checks the
 * HMAC-SHA256 signature in constant time before parsing the body.
 */
import { StructureKind, VariableDeclarationKind } from 'ts-morph';
import type { ApiModel, WebhooksModel } from '../model/types.js';
import { memberAccess } from '../model/type-expressions.js';
import { docText } from './doc-text.js';
import { expression, literal, printFile, type Statement } from './print.js';

export function emitWebhooks(model: ApiModel, webhooks: WebhooksModel): string {
  const eventNames = webhooks.events.map((event) => event.typeName);
  const statements: Statement[] = [
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: './runtime/webhooks.js',
      namedImports: [
        { name: 'verifyWebhook', alias: 'verify' },
        { name: 'signWebhook', alias: 'sign' },
        { name: 'WebhookSignatureScheme', isTypeOnly: true },
      ],
    },
    {
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: './runtime/encoding.js',
      namedImports: ['BinaryInput'],
    },
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: './errors.js', namedImports: ['errorClasses'] },
    {
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: './schema.js',
      namedImports: ['webhooks'],
    },
    ...webhooks.events.map(
      (event, index): Statement => ({
        kind: StructureKind.TypeAlias,
        name: eventNames[index] ?? 'WebhookEvent',
        isExported: true,
        docs: [docText(`\`${event.name}\`: ${event.summary ?? 'webhook payload'}.`)],
        type: event.type,
      }),
    ),
    {
      kind: StructureKind.TypeAlias,
      name: webhooks.eventTypeName,
      isExported: true,
      docs: [docText(`Any webhook the ${model.name} API delivers; narrow it on \`${webhooks.eventField}\`.`)],
      type: eventNames.length > 0 ? eventNames.join(' | ') : 'never',
    },
    {
      kind: StructureKind.VariableStatement,
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      docs: [
        docText(
          `How deliveries are signed: HMAC-SHA256 of the raw body, ${webhooks.encoding}${webhooks.prefix ? ` after "${webhooks.prefix}"` : ''}, in the \`${webhooks.header}\` header${webhooks.secret ? `; the secret is ${webhooks.secret}` : ''}.`,
        ),
      ],
      declarations: [
        {
          name: 'webhookSignature',
          type: 'WebhookSignatureScheme',
          initializer: expression({
            header: webhooks.header,
            encoding: webhooks.encoding,
            prefix: webhooks.prefix,
            eventField: webhooks.eventField,
            events: webhooks.events.map((event) => event.name),
          }),
        },
      ],
    },
    {
      kind: StructureKind.Function,
      name: 'verifyWebhook',
      isExported: true,
      isAsync: true,
      docs: [
        {
          description: `${docText(
            `Verifies a webhook delivery and returns its typed payload. Pass the raw request body exactly as received (before any JSON parsing), the \`${webhooks.header}\` header and your secret. Throws \`WebhookVerificationError\` when the signature is missing, malformed or wrong; the comparison takes constant time.`,
            `@example\n\`\`\`ts\nconst event = await verifyWebhook(rawBody, request.headers.get(${literal(webhooks.header)}), secret);\nconsole.log(${memberAccess('event', webhooks.eventField)});\n\`\`\``,
          )}\n`,
        },
      ],
      parameters: [
        { name: 'rawBody', type: 'BinaryInput' },
        { name: 'signature', type: 'string | null | undefined' },
        { name: 'secret', type: 'string' },
      ],
      returnType: `Promise<${webhooks.eventTypeName}>`,
      statements: [
        `return (await verify(rawBody, signature, secret, webhookSignature, errorClasses)) as ${webhooks.eventTypeName};`,
      ],
    },
    {
      kind: StructureKind.Function,
      name: 'signWebhook',
      isExported: true,
      docs: ['Signs a body the way the API does, for tests and for forwarding deliveries.'],
      parameters: [
        { name: 'rawBody', type: 'BinaryInput' },
        { name: 'secret', type: 'string' },
      ],
      returnType: 'Promise<string>',
      statements: ['return sign(rawBody, secret, webhookSignature);'],
    },
  ];
  return printFile(model.source, statements);
}
