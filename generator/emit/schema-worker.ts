/**
 * Runs openapi-typescript in a worker thread, so the types (the longest single
 * step on a large spec) are produced while the main thread models the API and
 * emits the client. The worker starts before the spec is even loaded, so its
 * own start-up (loading openapi-typescript and TypeScript) overlaps the load
 * stage; the document then arrives as JSON text, which is cheaper to parse
 * here than an object graph is to clone across threads.
 */
import { parentPort } from 'node:worker_threads';
import { emitSchemaFromOwnedDocument } from './schema-file.js';

parentPort?.once('message', (message: { json: string; source: string }) => {
  emitSchemaFromOwnedDocument(JSON.parse(message.json) as Record<string, unknown>, message.source).then(
    (text) => parentPort?.postMessage({ text }),
    (error: unknown) => parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) }),
  );
});
