/** `specsmith diff --format text|json|markdown`. */
import type { Change, Side } from './change.js';
import type { DiffResult } from './diff-specs.js';
import { RULES } from './rules.js';

export type DiffFormat = 'text' | 'json' | 'markdown';
export const DIFF_FORMATS: readonly DiffFormat[] = ['text', 'json', 'markdown'];

function where(side: Side | undefined): string {
  if (!side) return '-';
  const file = side.file ? `${side.file}${side.line === undefined ? '' : `:${side.line}`} ` : '';
  return `${file}#${side.pointer}`;
}

function counts(result: DiffResult): string {
  const count = (kind: string): number => result.changes.filter((change) => change.kind === kind).length;
  return `${count('breaking')} breaking, ${count('non-breaking')} non-breaking, ${count('informational')} informational`;
}

function text(result: DiffResult): string {
  const lines = [
    `specsmith diff ${result.old} -> ${result.new}: ${result.changes.length === 0 ? 'no changes' : counts(result)}`,
  ];
  for (const change of result.changes) {
    lines.push(
      `${change.kind.padEnd(13)} ${change.level.padEnd(4)} [${change.rule}] ${change.subject ? `${change.subject}: ` : ''}${change.message}`,
    );
    lines.push(`    old ${where(change.old)}`);
    lines.push(`    new ${where(change.new)}`);
    if (change.migration) lines.push(`    migrate: ${change.migration}`);
  }
  return `${lines.join('\n')}\n`;
}

function cell(value: string): string {
  return value.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function markdown(result: DiffResult): string {
  const lines = [
    `## Changes from \`${result.old}\` to \`${result.new}\``,
    '',
    result.changes.length === 0 ? 'No changes.' : `${counts(result)}.`,
  ];
  if (result.changes.length > 0) {
    lines.push('', '| Kind | Level | Rule | Change | Old | New |', '| --- | --- | --- | --- | --- | --- |');
    for (const change of result.changes) {
      const what = `${change.subject ? `\`${change.subject}\`: ` : ''}${change.message}${change.migration ? ` — ${change.migration}` : ''}`;
      lines.push(
        `| ${change.kind} | ${change.level} | \`${change.rule}\` | ${cell(what)} | \`${cell(where(change.old))}\` | \`${cell(where(change.new))}\` |`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

function json(result: DiffResult): string {
  return `${JSON.stringify({ old: result.old, new: result.new, worst: result.worst ?? null, changes: result.changes.map((change: Change) => ({ ...change, title: RULES[change.rule].title })) }, null, 2)}\n`;
}

export function formatDiff(result: DiffResult, format: DiffFormat): string {
  return format === 'json' ? json(result) : format === 'markdown' ? markdown(result) : text(result);
}
