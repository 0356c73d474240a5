/**
 * Runs openapi-typescript in a worker thread, so the types (the longest single
 * step on a large spec) are produced while the main thread models the API and
 * emits the client. The worker starts before the spec is even loaded, so its
 * own start-up (loading openapi-typescript and TypeScript) overlaps the load
 * stage; the document then arrives as JSON text, which is cheaper to parse
 * here than an object graph is to clone across threads. The schemas' public
 * names arrive in a second message, once the main thread has modelled the API.
 */
import { parentPort } from 'node:worker_threads';
import { emitSchemaFromOwnedDocument } from './schema-file.js';

let provideNames: (names: Map<string, string>) => void = () => undefined;
const names = new Promise<Map<string, string>>((resolve) => {
  provideNames = resolve;
});

parentPort?.on('message', (message: { json: string; source: string } | { names: Array<[string, string]> }) => {
  if ('names' in message) {
    provideNames(new Map(message.names));
    return;
  }
  emitSchemaFromOwnedDocument(JSON.parse(message.json) as Record<string, unknown>, message.source, names).then(
    (text) => parentPort?.postMessage({ text }),
    (error: unknown) => parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) }),
  );
});
