/**
 * Records released versions in specsmith.config.json. The file is rewritten
 * as two-space JSON with its fields in their order (a new package entry is
 * added at the end of `packages`), so a release changes only the versions.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_FILE } from '../config/config-schema.js';

/** The configuration text with the given package versions set. */
export function configWithVersions(cwd: string, versions: ReadonlyMap<string, string>): string {
  const path = join(cwd, CONFIG_FILE);
  const config = existsSync(path)
    ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>)
    : { scope: '@specsmith' };
  const packages = { ...((config['packages'] as Record<string, Record<string, unknown>> | undefined) ?? {}) };
  for (const [name, version] of versions) packages[name] = { ...(packages[name] ?? {}), version };
  return `${JSON.stringify({ ...config, packages }, null, 2)}\n`;
}
