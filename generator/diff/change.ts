/** One difference between two specs, and the collector the comparers report into. */
import { RULES, type ChangeKind, type ChangeLevel, type RuleId } from './rules.js';

export interface Side {
  /** JSON pointer into that side's bundled document (a followed `$ref` points at its target). */
  pointer: string;
  /** The file and line the node was written at, when the loader knows it. */
  file?: string | undefined;
  line?: number | undefined;
}

export interface Change {
  rule: RuleId;
  kind: ChangeKind;
  level: ChangeLevel;
  /** `GET /pets/{}` for HTTP changes of an operation, `client.pets.list` for SDK ones; absent for document-wide changes. */
  subject: string | undefined;
  message: string;
  /** What a caller does about a breaking change. */
  migration: string | undefined;
  old: Side | undefined;
  new: Side | undefined;
}

export interface ChangeInput {
  subject?: string | undefined;
  message: string;
  old?: string | undefined;
  new?: string | undefined;
}

/** Finds where a pointer of one side was written. */
export type Locate = (pointer: string) => Side;

/** Collects changes once each: a component reached from several operations is reported where it is first met. */
export class ChangeLog {
  readonly changes: Change[] = [];
  private readonly seen = new Set<string>();

  constructor(
    private readonly locateOld: Locate,
    private readonly locateNew: Locate,
  ) {}

  add(rule: RuleId, input: ChangeInput): void {
    const key = `${rule}\u0000${input.old ?? ''}\u0000${input.new ?? ''}\u0000${input.message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const definition = RULES[rule];
    this.changes.push({
      rule,
      kind: definition.kind,
      level: definition.level,
      subject: input.subject,
      message: input.message,
      migration: 'migration' in definition ? definition.migration : undefined,
      old: input.old === undefined ? undefined : this.locateOld(input.old),
      new: input.new === undefined ? undefined : this.locateNew(input.new),
    });
  }
}

const KIND_ORDER: Record<ChangeKind, number> = { breaking: 0, 'non-breaking': 1, informational: 2 };

/** Breaking first, then by level, subject and rule: the same two specs always list the same way. */
export function sortChanges(changes: readonly Change[]): Change[] {
  const text = (change: Change): string =>
    `${change.level}\u0000${change.subject ?? ''}\u0000${change.rule}\u0000${change.old?.pointer ?? ''}\u0000${change.new?.pointer ?? ''}\u0000${change.message}`;
  return [...changes].sort(
    (a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (text(a) < text(b) ? -1 : text(a) > text(b) ? 1 : 0),
  );
}
