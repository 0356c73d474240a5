/**
 * One formatter for everything specsmith writes as TypeScript: the generator's
 * own sources (checked in `npm test`) and the files of every generated package.
 * Biome's formatter runs in-process from its WebAssembly build, so generation
 * needs no native binary and no child process, and the repository check and
 * the emit stage cannot disagree: both call this module with the same options.
 */
import { Biome } from '@biomejs/js-api/nodejs';

/** Width 120: long enough for a typed signature on one line, short enough to read side by side. */
export const LINE_WIDTH = 120;

const CONFIGURATION = {
  formatter: { enabled: true, indentStyle: 'space', indentWidth: 2, lineWidth: LINE_WIDTH, lineEnding: 'lf' },
  javascript: {
    formatter: {
      quoteStyle: 'single',
      semicolons: 'always',
      trailingCommas: 'all',
      arrowParentheses: 'always',
      bracketSpacing: true,
    },
  },
  linter: { enabled: false },
  assist: { enabled: false },
} as const;

let instance: { biome: Biome; project: number } | undefined;

function formatter(): { biome: Biome; project: number } {
  if (!instance) {
    const biome = new Biome();
    const { projectKey } = biome.openProject('/');
    biome.applyConfiguration(projectKey, CONFIGURATION);
    instance = { biome, project: projectKey };
  }
  return instance;
}

export class FormatError extends Error {
  override readonly name = 'FormatError';
}

/**
 * The formatted text of a TypeScript (or JavaScript) file. `path` only tells
 * the formatter the language (`.ts`, `.mts`, `.js`...). Code that does not
 * parse is an error: the emit stage printed something invalid.
 */
export function formatSource(text: string, path: string): string {
  const { biome, project } = formatter();
  const result = biome.formatContent(project, text, { filePath: path });
  const errors = result.diagnostics.filter(
    (diagnostic) => diagnostic.severity === 'error' || diagnostic.severity === 'fatal',
  );
  const first = errors[0];
  if (first) {
    const offset = first.location.span?.[0] ?? 0;
    const line = text.slice(0, offset).split('\n').length;
    throw new FormatError(`${path}:${line} does not parse: ${first.description}`);
  }
  return result.content;
}
