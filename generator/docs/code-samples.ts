/**
 * The document the reference is built from: the bundled spec with Redocly's
 * `x-codeSamples` on every operation (a TypeScript sample, the README's own
 * example, and a curl sample) and on every webhook (the README's handler and
 * a signed delivery). The spec files themselves are never touched.
 *
 * https://redocly.com/docs-legacy/api-reference-docs/specification-extensions/x-code-samples
 */
import { operationExample, webhookExample } from '../emit/call-example.js';
import { getAtPointer } from '../load/json-pointer.js';
import { isObject } from '../model/schema-utils.js';
import type { ApiModel } from '../model/types.js';
import { curlSample, webhookDeliverySample } from './curl-sample.js';

type Json = Record<string, unknown>;

export interface CodeSample {
  lang: string;
  label: string;
  source: string;
}

/** Tab labels, in the order the reference shows them. */
export const SAMPLE_LABELS = { typescript: 'TypeScript', curl: 'curl' } as const;

/** Follows internal `$ref`s (a bounded number of hops). */
function deref(document: Json, value: unknown): unknown {
  let node = value;
  for (
    let hops = 0;
    hops < 20 && isObject(node) && typeof node['$ref'] === 'string' && node['$ref'].startsWith('#');
    hops++
  ) {
    node = getAtPointer(document, node['$ref'].slice(1));
  }
  return node;
}

/** The example payload of a webhook's request body: `example`, the first of `examples`, or the schema's. */
function webhookPayload(document: Json, operation: Json): { payload: unknown; mediaType: string } {
  const content = deref(document, operation['requestBody']);
  const media = isObject(content) && isObject(content['content']) ? content['content'] : {};
  const [mediaType = 'application/json', raw] = Object.entries(media)[0] ?? [];
  const holder = isObject(raw) ? raw : {};
  const first = isObject(holder['examples']) ? deref(document, Object.values(holder['examples'])[0]) : undefined;
  const schema = deref(document, holder['schema']);
  const payload =
    holder['example'] ??
    (isObject(first) ? first['value'] : undefined) ??
    (isObject(schema)
      ? (schema['example'] ?? (Array.isArray(schema['examples']) ? schema['examples'][0] : undefined))
      : undefined);
  return { payload, mediaType };
}

/**
 * Sets `x-codeSamples` on every operation and webhook of `document` (edited
 * in place); returns how many operations got both samples.
 */
export function addCodeSamples(document: Json, model: ApiModel): number {
  let count = 0;
  for (const operation of model.operations) {
    const target = getAtPointer(document, operation.pointer);
    if (!isObject(target)) continue;
    const samples: CodeSample[] = [
      { lang: 'TypeScript', label: SAMPLE_LABELS.typescript, source: operationExample(model, operation) },
      { lang: 'curl', label: SAMPLE_LABELS.curl, source: curlSample(model, operation) },
    ];
    target['x-codeSamples'] = samples;
    count++;
  }
  const webhooks = model.webhooks;
  const items = document['webhooks'];
  if (webhooks && isObject(items)) {
    for (const item of Object.values(items)) {
      const pathItem = deref(document, item);
      if (!isObject(pathItem)) continue;
      for (const operation of Object.values(pathItem)) {
        if (!isObject(operation) || !('responses' in operation || 'requestBody' in operation)) continue;
        const { payload, mediaType } = webhookPayload(document, operation);
        operation['x-codeSamples'] = [
          { lang: 'TypeScript', label: SAMPLE_LABELS.typescript, source: webhookExample(model, webhooks) },
          { lang: 'curl', label: SAMPLE_LABELS.curl, source: webhookDeliverySample(webhooks, payload, mediaType) },
        ] satisfies CodeSample[];
      }
    }
  }
  return count;
}
