/**
 * Names in generated code: words from operationIds, tags and wire names
 * (`repos/list-for-org`, `Service Keys`, `getÜbersicht`), turned into valid,
 * stable identifiers. Collisions are resolved in one place, in input order,
 * so the same spec always gets the same names.
 */

/**
 * Words that cannot name a binding (https://tc39.es/ecma262/#sec-keywords-and-reserved-words,
 * strict mode included, since modules are strict), plus TypeScript's predefined
 * type names, which cannot name a type alias or class (TS2457).
 */
const RESERVED_WORDS = new Set(
  'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await arguments eval any bigint boolean number string symbol unknown never object undefined'.split(
    ' ',
  ),
);

/**
 * Member names a generated object must not define: a `then` makes every
 * resource a thenable (`await client.things` would call it and never settle),
 * `constructor` is the class's constructor, `__proto__` and the other
 * Object.prototype members are what the language, JSON.stringify (`toJSON`)
 * and every library call on any object.
 */
export const RESERVED_MEMBERS: ReadonlySet<string> = new Set([
  'then',
  'constructor',
  'toJSON',
  ...Object.getOwnPropertyNames(Object.prototype),
]);

/** Characters that may continue an identifier (https://tc39.es/ecma262/#prod-IdentifierPartChar). */
const ID_CONTINUE = /[\p{ID_Continue}$\u200C\u200D]/u;
/** Characters that may start one (https://tc39.es/ecma262/#prod-IdentifierStartChar). */
const ID_START = /[\p{ID_Start}$_]/u;

/** Lower-case words of any name: camelCase, snake_case, kebab-case, paths, spaces and unicode letters. Digits stay in words; other numbers (`①`, `²`) separate them. */
export function words(name: string): string[] {
  return name
    .replace(/([\p{Ll}\p{Nd}])(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2')
    .split(/[^\p{L}\p{M}\p{Nd}\p{Nl}]+/u)
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

/** Valid IdentifierName text (reserved words included): characters outside ID_Continue dropped, `_` before a start that is not ID_Start; '' when nothing is left. */
function identifierName(name: string): string {
  const kept = [...name].filter((char) => ID_CONTINUE.test(char)).join('');
  return kept === '' || ID_START.test(String.fromCodePoint(kept.codePointAt(0) ?? 95)) ? kept : `_${kept}`;
}

/**
 * The one way a name in generated code is made: a valid ES identifier (ID_Start
 * then ID_Continue characters; others dropped, `_` before a leading digit or
 * mark), never a reserved word (`class` -> `class_`); `fallback` when nothing
 * is left. Class, type, variable and parameter names all come from here.
 */
export function identifier(name: string, fallback = 'value'): string {
  const result = identifierName(name) || fallback;
  return RESERVED_WORDS.has(result) ? `${result}_` : result;
}

/**
 * A method or property name of a generated object (`client.things.delete()`):
 * reserved words are allowed there, but not the RESERVED_MEMBERS, which get
 * a trailing `_` (`then` -> `then_`, `constructor` -> `constructor_`).
 */
export function memberName(name: string, fallback = 'call'): string {
  const result = identifierName(name) || fallback;
  return RESERVED_MEMBERS.has(result) ? `${result}_` : result;
}

export function isIdentifier(name: string): boolean {
  return name !== '' && identifierName(name) === name && !RESERVED_WORDS.has(name);
}

/** Plurals in "-ies" whose singular ends in "-ie" (English cannot tell them apart from story/stories by form). */
const IE_WORDS = new Set([
  'movies',
  'cookies',
  'ties',
  'pies',
  'lies',
  'zombies',
  'rookies',
  'hoodies',
  'selfies',
  'calories',
  'brownies',
  'genies',
]);
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
