/**
 * Writes the configured license, author and repository into a generated
 * package.json (name and version reach the model through its options). The
 * fields follow `license`, in a fixed order, so the output is the same on
 * every run.
 */
import type { PackageSettings } from './project-config.js';

export function withPackageMeta(
  packageJson: string,
  settings: PackageSettings,
  directory: string,
  changelog: boolean,
): string {
  const manifest = JSON.parse(packageJson) as Record<string, unknown>;
  // npm packs README and LICENSE whatever `files` says, but not a changelog.
  if (changelog && Array.isArray(manifest['files']) && !manifest['files'].includes('CHANGELOG.md'))
    manifest['files'] = [...(manifest['files'] as unknown[]), 'CHANGELOG.md'];
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(manifest)) {
    if (key === 'license') {
      result['license'] = settings.license;
      if (settings.author !== undefined) result['author'] = settings.author;
      if (settings.repository) result['repository'] = { ...settings.repository, directory };
    } else {
      result[key] = value;
    }
  }
  return `${JSON.stringify(result, null, 2)}\n`;
}
