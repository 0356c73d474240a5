/**
 * Reading a spec file without trusting it: only a regular file is opened (a
 * FIFO, `/dev/stdin` or a device would block the run forever, a directory is
 * no spec), and never more than a size cap is read. The kind is checked with
 * stat before opening, then again on the open descriptor (the path may have
 * been swapped in between), and the read itself stops one byte past the cap,
 * because some files (`/proc/*`) report a size of 0.
 */
import { constants, type Stats } from 'node:fs';
import { open, stat } from 'node:fs/promises';

/** Default cap on one spec file: large public specs are a few MB; 16 MiB leaves room without letting a run read a disk image. */
export const DEFAULT_MAX_FILE_BYTES = 16 * 1024 * 1024;

export type ReadProblem =
  | { kind: 'not-found' }
  | { kind: 'not-a-file'; what: string }
  | { kind: 'too-large'; bytes: number; limit: number }
  | { kind: 'unreadable'; reason: string };

export type ReadOutcome = { text: string } | { problem: ReadProblem };

/** What a non-regular file is, in words for a diagnostic. */
export function fileKind(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  if (stats.isSymbolicLink()) return 'a symbolic link';
  return 'not a regular file';
}

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MiB` : `${bytes} bytes`;
}

export async function readSpecText(path: string, maxBytes: number = DEFAULT_MAX_FILE_BYTES): Promise<ReadOutcome> {
  let before: Stats;
  try {
    before = await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      problem:
        code === 'ENOENT' || code === 'ENOTDIR'
          ? { kind: 'not-found' }
          : { kind: 'unreadable', reason: code ?? (error as Error).message },
    };
  }
  if (!before.isFile()) return { problem: { kind: 'not-a-file', what: fileKind(before) } };
  if (before.size > maxBytes) return { problem: { kind: 'too-large', bytes: before.size, limit: maxBytes } };

  // O_NONBLOCK: if the path became a FIFO after the stat, opening it must not wait for a writer.
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return {
      problem: { kind: 'unreadable', reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message },
    };
  }
  try {
    const opened = await handle.stat();
    if (!opened.isFile()) return { problem: { kind: 'not-a-file', what: fileKind(opened) } };
    const buffer = Buffer.alloc(Math.min(maxBytes + 1, Math.max(opened.size + 1, 64 * 1024)));
    let length = 0;
    let chunk = buffer;
    for (;;) {
      if (length === chunk.length) {
        if (length > maxBytes) break;
        const grown = Buffer.alloc(Math.min(maxBytes + 1, chunk.length * 2));
        chunk.copy(grown, 0, 0, length);
        chunk = grown;
      }
      const { bytesRead } = await handle.read(chunk, length, chunk.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > maxBytes) return { problem: { kind: 'too-large', bytes: length, limit: maxBytes } };
    return { text: chunk.subarray(0, length).toString('utf8') };
  } catch (error) {
    return {
      problem: { kind: 'unreadable', reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message },
    };
  } finally {
    await handle.close();
  }
}
