/**
 * A gzipped tar of a folder in the layout npm publishes (`package/<path>`),
 * written with node:zlib and a few lines of ustar (POSIX.1-1988) headers, so
 * the local registry can serve installed packages without the network or a
 * tar dependency. Entries are sorted and carry no timestamps: the same folder
 * gives the same bytes, and so the same integrity hash.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BLOCK = 512;

/** Splits a path over ustar's `prefix` (155 bytes) and `name` (100 bytes) fields at a `/`. */
function splitPath(path: string): { prefix: string; name: string } {
  if (Buffer.byteLength(path) <= 100) return { prefix: '', name: path };
  for (let cut = path.indexOf('/'); cut !== -1; cut = path.indexOf('/', cut + 1)) {
    const prefix = path.slice(0, cut);
    const name = path.slice(cut + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(name) <= 100) return { prefix, name };
  }
  throw new Error(`path too long for a ustar header: ${path}`);
}

function header(path: string, size: number, mode: number): Buffer {
  const block = Buffer.alloc(BLOCK);
  const { prefix, name } = splitPath(path);
  const field = (value: string, offset: number, length: number): void =>
    void block.write(value, offset, length, 'utf8');
  const octal = (value: number, offset: number, length: number): void =>
    field(value.toString(8).padStart(length - 1, '0'), offset, length - 1);
  field(name, 0, 100);
  octal(mode, 100, 8);
  octal(0, 108, 8); // uid
  octal(0, 116, 8); // gid
  octal(size, 124, 12);
  octal(0, 136, 12); // mtime: none, for reproducible bytes
  block.fill(' ', 148, 156); // the checksum is computed with its own field as spaces
  field('0', 156, 1); // regular file
  field('ustar\u000000', 257, 8);
  field(prefix, 345, 155);
  let sum = 0;
  for (const byte of block) sum += byte;
  field(`${sum.toString(8).padStart(6, '0')}\u0000 `, 148, 8);
  return block;
}

async function filesOf(root: string, dir = ''): Promise<string[]> {
  const entries = await readdir(join(root, dir), { withFileTypes: true });
  const nested = await Promise.all(
    entries
      // Nested node_modules are other packages, served on their own.
      .filter((entry) => !(entry.isDirectory() && entry.name === 'node_modules'))
      .map(async (entry) => {
        const path = dir ? `${dir}/${entry.name}` : entry.name;
        if (entry.isDirectory()) return filesOf(root, path);
        return entry.isFile() ? [path] : [];
      }),
  );
  return nested.flat().sort();
}

/** The `.tgz` npm would download for the package installed at `dir`. */
export async function packFolder(dir: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for (const path of await filesOf(dir)) {
    const full = join(dir, path);
    const [body, info] = await Promise.all([readFile(full), stat(full)]);
    chunks.push(
      header(`package/${path}`, body.length, info.mode & 0o111 ? 0o755 : 0o644),
      body,
      Buffer.alloc((BLOCK - (body.length % BLOCK)) % BLOCK),
    );
  }
  chunks.push(Buffer.alloc(BLOCK * 2)); // end of archive
  return gzipSync(Buffer.concat(chunks), { level: 1 });
}
