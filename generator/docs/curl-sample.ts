/**
 * The raw HTTP call of an operation as a curl command, built from the same
 * model and examples as the TypeScript sample: the first server's URL with the
 * path parameters filled in, the credentials the operation's security
 * requirement names (read from the API's environment variable, never a value),
 * the query string, header parameters and the example body.
 *
 * Every value from the spec reaches the shell inside single quotes (POSIX
 * sh, 2.2.2: nothing inside them is special), so an example holding `'`, `$(...)`
 * or a newline is sent as written and never runs.
 */
import { placeholder } from '../emit/call-example.js';
import type { ApiModel, OperationModel, ParamModel, WebhooksModel } from '../model/types.js';

/** A shell word that is exactly `text`: single-quoted, each `'` closed, escaped and reopened. */
export function shellQuote(text: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/** An environment variable name the shell accepts (the spec's name with anything else made `_`). */
export function envName(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_]/g, '_');
  return /^[0-9]/.test(cleaned) ? `_${cleaned}` : cleaned || 'API_KEY';
}

/** A shell word of `prefix` (literal) followed by the value of `variable`: `'Authorization: Bearer '"$HOT_API_KEY"`, or double-quoted when the prefix is plain. */
function withVariable(prefix: string, variable: string): string {
  const reference = `$${envName(variable)}`;
  return /^[A-Za-z0-9 _:;=,./-]*$/.test(prefix) ? `"${prefix}${reference}"` : `${shellQuote(prefix)}"${reference}"`;
}

/** A parameter value as it goes on the wire: strings as they are, anything else as JSON. */
function wireText(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
}

/** Query pairs (RFC 3986 percent-encoded); an array repeats its key, the OpenAPI default (style form, explode true). */
function queryPairs(params: readonly ParamModel[]): string[] {
  return params
    .filter((param) => param.example !== undefined || param.required)
    .flatMap((param) => {
      const value = placeholder(param);
      const values = Array.isArray(value) ? value : [value];
      return values.map((item) => `${encodeURIComponent(param.name)}=${encodeURIComponent(wireText(item))}`);
    });
}

/** The operation's URL on the API's first server. */
export function operationUrl(model: ApiModel, operation: OperationModel): string {
  const path = operation.path.replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const param = operation.pathParams.find((candidate) => candidate.name === name);
    return param ? encodeURIComponent(wireText(placeholder(param))) : whole;
  });
  const query = queryPairs(operation.queryParams);
  return `${model.baseUrl.replace(/\/+$/, '')}${path}${query.length > 0 ? `?${query.join('&')}` : ''}`;
}

/** curl options for the first security requirement the operation accepts. */
function authOptions(model: ApiModel, operation: OperationModel): string[] {
  const requirement = (operation.security ?? model.security)[0] ?? [];
  const variable = model.apiKeyEnv ?? `${model.name.toUpperCase()}_API_KEY`;
  return requirement.flatMap((name) => {
    const scheme = model.auth[name];
    if (!scheme) return [];
    switch (scheme.type) {
      case 'bearer':
        return [`-H ${withVariable('Authorization: Bearer ', variable)}`];
      case 'basic':
        return [`-u ${withVariable('', variable)}`];
      case 'header':
        return [`-H ${withVariable(`${scheme.name}: `, variable)}`];
      case 'query':
        return [`--url-query ${withVariable(`${scheme.name}=`, variable)}`];
      case 'cookie':
        return [`-b ${withVariable(`${scheme.name}=`, variable)}`];
    }
  });
}

/** The example body as JSON: on one line when short, else indented (the shell keeps newlines inside quotes). */
function jsonText(value: unknown): string {
  const compact = JSON.stringify(value) ?? 'null';
  return compact.length <= 72 ? compact : JSON.stringify(value, null, 2);
}

/** The file name a sample uploads: a file the reader has in the current folder. */
export const SAMPLE_FILE = 'example.bin';

/** Where a sample saves a binary download. */
export const DOWNLOAD_FILE = 'download.bin';

function bodyOptions(operation: OperationModel): string[] {
  const body = operation.body;
  if (!body) return [];
  const example = body.example;
  const fields =
    example && typeof example === 'object' && !Array.isArray(example)
      ? Object.entries(example as Record<string, unknown>)
      : [];
  switch (body.kind) {
    case 'json':
      return [`-H ${shellQuote(`Content-Type: ${body.mediaType}`)}`, `-d ${shellQuote(jsonText(example ?? {}))}`];
    case 'multipart':
      // curl sets the multipart Content-Type with its boundary itself. `-F` treats a value starting
      // with @ or < as a file to read, and `;` as the start of options; `--form-string` sends text as it is.
      return [
        // The file part, also when the example leaves it out (an example cannot hold bytes).
        ...(operation.upload && !fields.some(([key]) => key === operation.upload?.file)
          ? [`-F ${shellQuote(`${operation.upload.file}=@${SAMPLE_FILE}`)}`]
          : []),
        ...fields.map(([key, value]) =>
          operation.upload?.file === key
            ? `-F ${shellQuote(`${key}=@${SAMPLE_FILE}`)}`
            : `--form-string ${shellQuote(`${key}=${wireText(value)}`)}`,
        ),
      ];
    case 'form':
      return [
        `-H ${shellQuote(`Content-Type: ${body.mediaType}`)}`,
        ...fields.map(([key, value]) => `--data-urlencode ${shellQuote(`${key}=${wireText(value)}`)}`),
      ];
    case 'text':
      return [
        `-H ${shellQuote(`Content-Type: ${body.mediaType}`)}`,
        `--data-binary ${shellQuote(typeof example === 'string' ? example : 'example text')}`,
      ];
    case 'binary':
      return [`-H ${shellQuote(`Content-Type: ${body.mediaType}`)}`, `--data-binary ${shellQuote(`@${SAMPLE_FILE}`)}`];
  }
}

/** The curl command of one operation, one option per line. */
export function curlSample(model: ApiModel, operation: OperationModel): string {
  const method = operation.method === 'get' ? '' : `-X ${operation.method.toUpperCase()} `;
  const options = [
    // -N: print each server-sent event as it arrives instead of buffering the stream.
    ...(operation.sse ? ['-N', `-H ${shellQuote('Accept: text/event-stream')}`] : []),
    ...authOptions(model, operation),
    ...operation.headerParams
      .filter((param) => param.example !== undefined || param.required)
      .map((param) => `-H ${shellQuote(`${param.name}: ${wireText(placeholder(param))}`)}`),
    ...bodyOptions(operation),
    // A binary answer goes to a file rather than the terminal.
    ...(operation.responses.length > 0 && operation.responses.every((response) => response.kind === 'binary')
      ? [`-o ${DOWNLOAD_FILE}`]
      : []),
  ];
  return [`curl ${method}${shellQuote(operationUrl(model, operation))}`, ...options].join(' \\\n  ');
}

/**
 * A webhook is received, not called: its sample is the delivery the provider
 * makes, signed the way the API documents (HMAC-SHA256 of the raw body, in
 * `webhooks.header`), aimed at the reader's own endpoint so they can test it.
 */
export function webhookDeliverySample(
  webhooks: WebhooksModel,
  payload: unknown,
  mediaType = 'application/json',
): string {
  const digest =
    webhooks.encoding === 'hex'
      ? `openssl dgst -sha256 -hmac "$WEBHOOK_SECRET" -r | cut -d ' ' -f 1`
      : `openssl dgst -sha256 -hmac "$WEBHOOK_SECRET" -binary | base64`;
  const body = typeof payload === 'string' ? payload : jsonText(payload ?? {});
  return [
    '# A webhook is sent to your endpoint, not called: this replays a signed delivery to it.',
    `BODY=${shellQuote(body)}`,
    `SIGNATURE=${webhooks.prefix ? shellQuote(webhooks.prefix) : ''}"$(printf '%s' "$BODY" | ${digest})"`,
    [
      'curl -X POST "$WEBHOOK_URL"',
      `-H ${shellQuote(`Content-Type: ${mediaType}`)}`,
      `-H ${withVariable(`${webhooks.header}: `, 'SIGNATURE')}`,
      ...(webhooks.userAgent ? [`-A ${shellQuote(webhooks.userAgent)}`] : []),
      `--data-binary "$BODY"`,
    ].join(' \\\n  '),
  ].join('\n');
}
