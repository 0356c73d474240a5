/** Exported names and types of webhook event payloads, and of their union. */
import { identifier, pascalCase } from '../naming.js';
import type { SourceWebhook } from '../read/webhooks.js';
import { quote } from '../type-expressions.js';
import type { TypeNames } from './type-names.js';

export interface WebhookTypes {
  events: Array<{ name: string; typeName: string; type: string }>;
  eventTypeName: string;
}

export function webhookTypes(webhooks: readonly SourceWebhook[], client: string, names: TypeNames): WebhookTypes {
  // Claimed like every other exported type: event names may clash with schemas or each other (`a.b`, `a_b`), or start with a digit.
  const events = webhooks.map((event) => ({
    name: event.name,
    typeName: names.claim(`webhook ${JSON.stringify(event.name)}`, identifier(`${pascalCase(event.name)}WebhookEvent`)),
    type: `NonNullable<webhooks[${quote(event.name)}][${quote(event.method)}]['requestBody']>['content'][${quote(event.mediaType)}]`,
  }));
  return { events, eventTypeName: names.claim('the webhook event union', `${client}WebhookEvent`) };
}
