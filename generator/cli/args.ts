/** Command-line parsing for `specsmith`: a command, positionals and `--flags`, with usage errors as exceptions. */

export class UsageError extends Error {
  override name = 'UsageError';
}

export interface ParsedArgs {
  command: string | undefined;
  positionals: string[];
  flags: Map<string, string | true>;
  /** Values of options that may be given more than once, in order. */
  lists: Map<string, string[]>;
}

export function parseArgs(
  argv: readonly string[],
  valued: readonly string[],
  booleans: readonly string[],
  repeatable: readonly string[] = [],
): ParsedArgs {
  const [command, ...rest] = argv;
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  const lists = new Map<string, string[]>();
  for (let index = 0; index < rest.length; index++) {
    const arg = rest[index] ?? '';
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const [name = '', inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (booleans.includes(name)) {
      flags.set(name, true);
    } else if (valued.includes(name) || repeatable.includes(name)) {
      const value = inline ?? rest[++index];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value`);
      if (repeatable.includes(name)) lists.set(name, [...(lists.get(name) ?? []), value]);
      else flags.set(name, value);
    } else {
      throw new UsageError(`unknown option --${name}`);
    }
  }
  return {
    command: command?.startsWith('--') ? undefined : command,
    positionals: command?.startsWith('--') ? [] : positionals,
    flags: command?.startsWith('--') ? new Map([[command.slice(2), true]]) : flags,
    lists,
  };
}
