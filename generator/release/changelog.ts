/**
 * CHANGELOG.md of a released package: newest release first, each grouped by
 * kind (https://keepachangelog.com), every breaking change with what a caller
 * does about it. No dates: the same specs always make the same file.
 */
import type { Change } from '../diff/change.js';

const TITLE = '# Changelog';

export interface ReleaseEntry {
  version: string;
  packageName: string;
  /** Where the released spec came from (`specs/hot/openapi.yaml`, `d0f6894:specs/hot/openapi.yaml`). */
  source: string;
  apiVersion: string;
  changes: readonly Change[] | undefined;
}

function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

function line(change: Change): string {
  const subject = change.subject ? `${code(change.subject)}: ` : '';
  const migration = change.kind === 'breaking' && change.migration ? ` **Migration:** ${change.migration}` : '';
  return `- ${subject}${change.message.replace(/\n/g, ' ')} (${change.rule}).${migration}`;
}

const SECTIONS: Array<[Change['kind'], string]> = [
  ['breaking', 'Breaking changes'],
  ['non-breaking', 'Additions'],
  ['informational', 'Documentation and other changes'],
];

export function changelogEntry(entry: ReleaseEntry): string {
  const lines = [
    `## ${entry.version}`,
    '',
    `Generated from ${code(entry.source)} (API version ${entry.apiVersion || 'unversioned'}).`,
  ];
  if (entry.changes === undefined) {
    lines.push('', `First release of ${code(entry.packageName)}.`);
  } else if (entry.changes.length === 0) {
    lines.push('', 'The spec was reformatted; its content is the same.');
  } else {
    for (const [kind, heading] of SECTIONS) {
      const changes = entry.changes.filter((change) => change.kind === kind);
      if (changes.length === 0) continue;
      lines.push('', `### ${heading}`, '', ...changes.map(line));
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The changelog with `entry` as its newest release. */
export function prependEntry(existing: string | undefined, packageName: string, entry: string): string {
  const header = `${TITLE}\n\nReleases of ${code(packageName)}. Versions follow Semantic Versioning, derived by \`specsmith release\` from the changes between the released specs.\n`;
  const previous = existing?.includes('\n## ') ? existing.slice(existing.indexOf('\n## ') + 1) : '';
  return `${header}\n${entry}${previous === '' ? '' : `\n${previous}`}`;
}
