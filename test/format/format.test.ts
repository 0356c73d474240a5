import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { FormatError, formatSource, LINE_WIDTH } from '../../generator/format/format-source.js';
import { formatRepository } from '../../generator/format/format-repo.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('formatter', () => {
  it('every hand-written TypeScript file of the repository is formatted (fix with `npm run format`)', () => {
    expect(formatRepository(root, false)).toEqual([]);
  });

  it('wraps a line wider than the line width and keeps the project style', () => {
    const fields = Array.from({ length: 12 }, (_, index) => `field${index}: "value ${index}"`).join(', ');
    const formatted = formatSource(`const wide = {${fields}}\n`, 'wide.ts');
    const lines = formatted.trimEnd().split('\n');
    expect(lines.length).toBe(14);
    expect(lines.every((line) => line.length <= LINE_WIDTH)).toBe(true);
    expect(lines[1]).toBe("  field0: 'value 0',");
    expect(lines.at(-1)).toBe('};');
  });

  it('reports code that does not parse with its file and line', () => {
    expect(() => formatSource('const a = 1;\nconst b = {\n', 'broken.ts')).toThrow(FormatError);
    expect(() => formatSource('const a = 1;\nconst b = {\n', 'broken.ts')).toThrow(
      /^broken\.ts:3 does not parse: expected `}`/,
    );
  });

  it('is idempotent', () => {
    const once = formatSource("export function f(a:number,b:string){return [a,b,'x'].map((v)=>String(v))}\n", 'f.ts');
    expect(formatSource(once, 'f.ts')).toBe(once);
  });
});
