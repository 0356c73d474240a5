/**
 * The OpenAPI document a reference page is built from: the spec bundled into
 * one document (the load stage, so external `$ref`s are already inlined),
 * with code samples on every operation and server descriptions as plain text.
 *
 * Redoc shows a server's description in its server panel as text, not
 * Markdown, so `code spans` would show their backticks; they are reduced to
 * what a reader should see. Only this copy changes: specs/ is never written.
 */
import { loadSpec } from '../load/load-spec.js';
import { isObject } from '../model/schema-utils.js';
import type { ApiModel } from '../model/types.js';
import { addCodeSamples } from './code-samples.js';
import { plainText } from './plain-text.js';

type Json = Record<string, unknown>;

/** Server objects anywhere a document may hold them: the root, path items and operations (OpenAPI 3.1, 4.8.1). */
function serverLists(document: Json): unknown[][] {
  const lists: unknown[][] = [];
  const add = (holder: unknown): void => {
    if (isObject(holder) && Array.isArray(holder['servers'])) lists.push(holder['servers']);
  };
  add(document);
  for (const section of [document['paths'], document['webhooks']]) {
    if (!isObject(section)) continue;
    for (const item of Object.values(section)) {
      add(item);
      if (isObject(item)) for (const operation of Object.values(item)) add(operation);
    }
  }
  return lists;
}

function plainServers(document: Json): void {
  for (const servers of serverLists(document)) {
    for (const server of servers) {
      if (!isObject(server)) continue;
      if (typeof server['description'] === 'string') server['description'] = plainText(server['description']);
      const variables = server['variables'];
      if (!isObject(variables)) continue;
      for (const variable of Object.values(variables)) {
        if (isObject(variable) && typeof variable['description'] === 'string')
          variable['description'] = plainText(variable['description']);
      }
    }
  }
}

export async function referenceDocument(specFile: string, model: ApiModel, cwd: string): Promise<Json> {
  const { document } = await loadSpec(specFile, cwd);
  plainServers(document);
  addCodeSamples(document, model);
  return document;
}
