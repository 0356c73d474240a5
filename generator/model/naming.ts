/**
 * Names in generated code: words from operationIds, tags and wire names
 * (`repos/list-for-org`, `Service Keys`, `getÜbersicht`), turned into valid,
 * stable identifiers. Collisions are resolved in one place, in input order,
 * so the same spec always gets the same names.
 */

const RESERVED = new Set(
  'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await any boolean number string symbol unknown never object undefined'.split(' '),
);

/** Lower-case words of any name: camelCase, snake_case, kebab-case, paths, spaces and unicode letters. */
export function words(name: string): string[] {
  return name
    .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

export function camelCase(name: string): string {
  const [first = '', ...rest] = words(name);
  return first + rest.map(capitalize).join('');
}

export function pascalCase(name: string): string {
  return words(name).map(capitalize).join('');
}

/** A valid identifier (not a reserved word, not starting with a digit). */
export function identifier(name: string, fallback = 'value'): string {
  let result = name === '' ? fallback : name;
  if (/^\p{N}/u.test(result)) result = `_${result}`;
  if (RESERVED.has(result)) result = `${result}_`;
  return result;
}

/** A valid property or method name: reserved words are allowed there (`client.projects.delete()`). */
export function memberName(name: string, fallback = 'call'): string {
  if (name === '' ) return fallback;
  if (name === 'constructor') return 'constructor_';
  return /^\p{N}/u.test(name) ? `_${name}` : name;
}

export function isIdentifier(name: string): boolean {
  return /^[\p{L}_$][\p{L}\p{N}_$]*$/u.test(name) && !RESERVED.has(name);
}

/** Plurals in "-ies" whose singular ends in "-ie" (English cannot tell them apart from story/stories by form). */
const IE_WORDS = new Set(['movies', 'cookies', 'ties', 'pies', 'lies', 'zombies', 'rookies', 'hoodies', 'selfies', 'calories', 'brownies', 'genies']);
const UNCHANGED = new Set(['series', 'species', 'news', 'data', 'metadata']);

/** `projects` -> `project`, `policies` -> `policy`, `statuses` -> `status`; leaves `status`, `analysis`, `series` alone. */
export function singular(word: string): string {
  const lower = word.toLowerCase();
  if (UNCHANGED.has(lower) || /(us|ss|is)$/i.test(word)) return word;
  if (IE_WORDS.has(lower)) return word.slice(0, -1);
  if (/ies$/i.test(word) && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(ss|us|ch|sh|x|z)es$/i.test(word)) return word.slice(0, -2);
  if (/s$/i.test(word) && word.length > 3) return word.slice(0, -1);
  return word;
}

/** Hands out names unique within one scope, numbering later claimants of a taken name. */
export class NameScope {
  readonly #taken = new Set<string>();

  constructor(reserved: Iterable<string> = []) {
    for (const name of reserved) this.#taken.add(name);
  }

  has(name: string): boolean {
    return this.#taken.has(name);
  }

  claim(wanted: string, ...alternatives: string[]): string {
    for (const candidate of [wanted, ...alternatives]) {
      if (candidate && !this.#taken.has(candidate)) {
        this.#taken.add(candidate);
        return candidate;
      }
    }
    for (let n = 2; ; n++) {
      const candidate = `${wanted}${n}`;
      if (!this.#taken.has(candidate)) {
        this.#taken.add(candidate);
        return candidate;
      }
    }
  }
}
