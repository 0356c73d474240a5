/**
 * `specsmith init [--scope @name] [--name <spec-folder>]`: a project layout
 * for specsmith in the current folder — specsmith.config.json and a sample
 * spec in specs/<name>/openapi.yaml — then `specsmith build` works. Existing
 * files are never overwritten: a project that has either is refused, and
 * nothing is written.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SpecError } from '../diagnostics.js';
import { CONFIG_FILE, SCOPE_PATTERN } from '../config/config-schema.js';
import { sampleSpec } from '../config/sample-spec.js';
import { parseArgs, UsageError } from './args.js';

/** The scope of the project's own package name (`@acme/api` -> `@acme`), if it has one. */
function projectScope(cwd: string): string | undefined {
  try {
    const name = (JSON.parse(readFileSync(join(cwd, 'package.json'), 'utf8')) as { name?: unknown }).name;
    return typeof name === 'string' && name.startsWith('@') ? name.slice(0, name.indexOf('/')) : undefined;
  } catch {
    return undefined;
  }
}

export function runInit(argv: readonly string[], cwd: string): number {
  const args = parseArgs(['init', ...argv], ['scope', 'name'], []);
  if (args.positionals.length > 0) throw new UsageError('init takes no arguments besides --scope and --name');
  const scopeFlag = args.flags.get('scope');
  const scope = typeof scopeFlag === 'string' ? scopeFlag : projectScope(cwd);
  if (scope !== undefined && !new RegExp(SCOPE_PATTERN).test(scope))
    throw new UsageError(`--scope must be an npm scope such as @acme, not "${scope}"`);
  const nameFlag = args.flags.get('name');
  const name = typeof nameFlag === 'string' ? nameFlag : 'example';
  if (!/^[a-z0-9][a-z0-9._-]*$/.test(name))
    throw new UsageError(`--name must be a lowercase folder name such as notes, not "${name}"`);

  const configPath = join(cwd, CONFIG_FILE);
  const specPath = join(cwd, 'specs', name, 'openapi.yaml');
  const existing = [configPath, specPath].filter((path) => existsSync(path));
  if (existing.length > 0) {
    throw new SpecError(
      existing.map((path) => ({
        code: 'already-initialized',
        severity: 'error',
        message: 'already exists; init never overwrites a file',
        pointer: '',
        file: path === configPath ? CONFIG_FILE : `specs/${name}/openapi.yaml`,
        hint: 'Edit the existing file, or run init in an empty project.',
      })),
    );
  }
  const config = {
    $schema: './node_modules/specsmith/specsmith.config.schema.json',
    ...(scope ? { scope } : {}),
    license: 'MIT',
    packages: { [name]: { version: '0.1.0' } },
  };
  mkdirSync(join(cwd, 'specs', name), { recursive: true });
  writeFileSync(specPath, sampleSpec(`${name[0]?.toUpperCase() ?? ''}${name.slice(1)} API`));
  writeFileSync(configPath, `${JSON.stringify(config, null, 2)}\n`);
  process.stderr.write(
    [
      `specsmith: wrote ${CONFIG_FILE} and specs/${name}/openapi.yaml`,
      'Next:',
      '  npx specsmith build        generate generated/<name>/ (client) and generated/<name>-mcp/ (MCP server)',
      '  npx specsmith release      version them from the spec, with a CHANGELOG.md',
      'To compile the packages in this project, list "generated/*" in package.json "workspaces" and run npm install.',
      'To lint specs and build API references, npm install -D @redocly/cli (and add a redocly.yaml to lint).',
      '',
    ].join('\n'),
  );
  return 0;
}
