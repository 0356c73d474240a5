/**
 * Named schema types in src/schema.ts. openapi-typescript declares every
 * component schema as a member of one `components` interface and refers to it
 * by indexed access (`components["schemas"]["Run"]`), so an editor shows a
 * method's result as that expression or as the expanded object, never as
 * `Run`. This pass gives each schema a top-level declaration under its public
 * name (decided by the model: see SchemaAlias), with the field comments
 * openapi-typescript wrote from `description`.
 *
 * Each is a type alias (`export type Run = { ... }`), objects included, not an
 * interface: an interface has no implicit index signature, so a value of it
 * is not assignable to `Record<string, unknown>`, which the runtime's call
 * signatures take params as, and which users' own helpers take objects as
 * (TS2345). An alias of an object type keeps its name in hovers all the same.
 * `components.schemas.X` then points at the name (`Run: Run`), and every
 * indexed access to a schema anywhere in the file is replaced by the name, so
 * `paths`, `operations` and `webhooks` show names too.
 *
 * Recursive schemas need nothing more: top-level interfaces and aliases may
 * refer to themselves through properties, arrays and unions. The eager cycles
 * schema-repairs.ts breaks are already aliases under their public names when
 * this pass runs (it is given the same names), and are left as they are.
 */
import ts from 'typescript';
import { isComponents, mapComponentSchemas, memberName, pointAt } from './component-schemas.js';
import { schemaReference } from './schema-reference.js';

const factory = ts.factory;
const exported = (): ts.ModifierLike[] => [factory.createModifier(ts.SyntaxKind.ExportKeyword)];

/** `node` with every `components["schemas"]["X"]` replaced by X's public name. */
function replaceReferences<T extends ts.Node>(node: T, names: ReadonlyMap<string, string>): T {
  const visit = (child: ts.Node): ts.Node => {
    const name = names.get(schemaReference(child) ?? '');
    return name ? factory.createTypeReferenceNode(name) : ts.visitEachChild(child, visit, undefined);
  };
  return ts.visitNode(node, visit) as T;
}

/** The top-level declaration of one schema, carrying the schema's own doc comment. */
function declaration(name: string, type: ts.TypeNode, comments: ts.SynthesizedComment[] | undefined): ts.Statement {
  const node = factory.createTypeAliasDeclaration(exported(), name, undefined, type);
  if (comments) ts.setSyntheticLeadingComments(node, comments);
  return node;
}

/**
 * A doc comment's text with its `@description` block first and untagged.
 * openapi-typescript writes a schema's `description` as a `@description` tag
 * after its title and format lines, which editors show apart from the doc text
 * (a hover's summary is the untagged text); as the comment's first paragraph
 * it reads like any hand-written doc comment.
 */
export function descriptionFirst(text: string): string {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => /^\s*\*?\s*@description\s/.test(line));
  if (start < 0) return text;
  let end = start + 1;
  // The description runs until the next tag or the comment's closing line.
  while (end < lines.length && !/^\s*\*\s*@\w/.test(lines[end] ?? '') && (lines[end] ?? '').trim() !== '') end++;
  const block = lines.slice(start, end);
  block[0] = (block[0] ?? '').replace(/@description\s/, '');
  const rest = [...lines.slice(0, start), ...lines.slice(end)];
  // Multi-line comments open with a line of their own (`*`); the description goes right after it.
  const at = lines.length > 1 && (lines[0] ?? '').trim() === '*' ? 1 : 0;
  const after = rest.slice(at);
  // A blank line keeps the description its own paragraph when other lines (format, tags) follow.
  const separator = after.some((line) => /^\s*\*\s*\S/.test(line)) ? [(block[0] ?? '').replace(/\*.*$/, '*')] : [];
  return [...rest.slice(0, at), ...block, ...separator, ...after].join('\n');
}

function plainDescriptions(node: ts.Node): void {
  const comments = ts.getSyntheticLeadingComments(node);
  if (comments?.some((comment) => comment.text.includes('@description')))
    ts.setSyntheticLeadingComments(
      node,
      comments.map((comment) => ({ ...comment, text: descriptionFirst(comment.text) })),
    );
  ts.forEachChild(node, plainDescriptions);
}

/**
 * Declares each component schema under `names` (component -> public name) and
 * points every reference at it. Schemas missing from `names` keep their
 * indexed-access form.
 */
export function nameSchemaTypes(nodes: readonly ts.Node[], names: ReadonlyMap<string, string>): ts.Node[] {
  const result: ts.Node[] = [];
  for (const node of nodes) {
    if (!isComponents(node)) {
      result.push(replaceReferences(node, names));
      continue;
    }
    const declarations: ts.Statement[] = [];
    const table = mapComponentSchemas(
      node,
      (schemas) =>
        schemas.map((schema) => {
          const component = memberName(schema);
          const name = component === undefined ? undefined : names.get(component);
          if (!name || !ts.isPropertySignature(schema) || !schema.type) return replaceReferences(schema, names);
          const own =
            ts.isTypeReferenceNode(schema.type) &&
            ts.isIdentifier(schema.type.typeName) &&
            schema.type.typeName.text === name;
          // A schema schema-repairs.ts already declared under its name (a cycle) keeps that declaration.
          if (!own)
            declarations.push(
              declaration(name, replaceReferences(schema.type, names), ts.getSyntheticLeadingComments(schema)),
            );
          return pointAt(schema, name);
        }),
      (member) => replaceReferences(member, names),
    );
    // The named types follow the table that points at them, in the spec's order.
    result.push(table, ...declarations);
  }
  for (const node of result) plainDescriptions(node);
  return result;
}
