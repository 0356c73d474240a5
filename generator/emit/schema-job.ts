/**
 * The schema step (openapi-typescript), started ahead of the rest: in a
 * worker thread, so this thread neither waits for it nor loads openapi-typescript
 * and TypeScript itself.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { SchemaNames } from '../model/public-names.js';

/**
 * Produces src/schema.ts for a document handed over later, in a worker when one
 * can run. The schemas' public names follow once the model has decided them;
 * openapi-typescript runs meanwhile.
 */
export interface SchemaJob {
  run(document: Record<string, unknown>, source: string, names: Promise<SchemaNames>): Promise<string>;
  /** Stops the worker when the document never comes (the spec failed to load or validate). */
  cancel(): void;
}

/** Below this size a worker's own start-up (loading TypeScript again) costs more than it saves. */
const WORKER_THRESHOLD_BYTES = 1_000_000;

/**
 * Starts the schema step ahead of time: for a large spec, a worker thread
 * (when the compiled worker is available, i.e. the generator runs from dist/);
 * otherwise this thread, when the document is ready.
 */
export function startSchemaJob(specBytes: number): SchemaJob {
  const script = new URL('./schema-worker.js', import.meta.url);
  if (specBytes < WORKER_THRESHOLD_BYTES || !existsSync(fileURLToPath(script)))
    return {
      run: async (document, source, names) => (await import('./schema-file.js')).emitSchema(document, source, names),
      cancel: () => undefined,
    };
  const worker = new Worker(script);
  return {
    run: (document, source, names) =>
      new Promise<string>((resolve, reject) => {
        worker.once('message', (message: { text?: string; error?: string }) => {
          void worker.terminate();
          if (message.text !== undefined) resolve(message.text);
          else reject(new Error(message.error ?? 'openapi-typescript failed'));
        });
        worker.once('error', reject);
        worker.postMessage({ json: JSON.stringify(document), source });
        names.then(
          (value) => worker.postMessage({ names: [...value] }),
          () => void worker.terminate(),
        );
      }),
    cancel: () => void worker.terminate(),
  };
}
