/**
 * Repairs to openapi-typescript's output for valid schemas it renders as code
 * that does not compile:
 *
 * - `WithRequired<T, K>` (emitted for `allOf` + `required`) demands
 *   `K extends keyof T`, which fails when T is nullable (`keyof (X | null)` is
 *   `never`). JSON Schema's `required` only constrains objects, so the helper
 *   is replaced by one that applies to the object part and keeps `null`.
 * - Schemas that refer to themselves, or to each other in a cycle, where
 *   TypeScript resolves eagerly (`Json: null | Json[] | {...}`, `A: B[]` with
 *   `B: A[]`) become interface properties whose indexed-access types refer to
 *   themselves, which TypeScript rejects (TS2502). Every schema of such a
 *   cycle is moved into an exported type alias (`RecursiveSchema_A`), and the
 *   cycle's references point at the aliases, which TypeScript allows; a union
 *   or intersection member that is the schema itself (`Loop: null | Loop`,
 *   `A: A & {...}`) adds nothing and is dropped. Cycles made of unions,
 *   intersections and references alone have no finite type; the validate
 *   stage reports those (generator/validate/schema-cycles.ts).
 */
import ts from 'typescript';
import { isComponents, mapComponentSchemas, memberName, pointAt } from './component-schemas.js';
import { schemaReference } from './schema-reference.js';
import { NameScope } from '../model/naming.js';

const factory = ts.factory;

/** The schema names `type` refers to where TypeScript resolves eagerly (anywhere but inside an object type's members). */
function eagerReferences(type: ts.Node, found = new Set<string>()): Set<string> {
  const name = schemaReference(type);
  if (name !== undefined) found.add(name);
  else if (ts.isTypeLiteralNode(type)) {
    // Index signatures are resolved eagerly too; plain property signatures are deferred.
    for (const member of type.members) if (ts.isIndexSignatureDeclaration(member)) eagerReferences(member.type, found);
  } else ts.forEachChild(type, (child) => void eagerReferences(child, found));
  return found;
}

/** `type` with references to the cycle's schemas replaced by their aliases, and members that are `alias` itself dropped. */
function replaceCycle(type: ts.TypeNode, aliases: ReadonlyMap<string, string>, alias: string): ts.TypeNode {
  const visit = (node: ts.Node): ts.Node => {
    const target = aliases.get(schemaReference(node) ?? '');
    return target ? factory.createTypeReferenceNode(target) : ts.visitEachChild(node, visit, undefined);
  };
  let result = visit(type) as ts.TypeNode;
  if (ts.isUnionTypeNode(result) || ts.isIntersectionTypeNode(result)) {
    const kept = result.types.filter(
      (member) =>
        !(ts.isTypeReferenceNode(member) && ts.isIdentifier(member.typeName) && member.typeName.text === alias),
    );
    const empty = factory.createKeywordTypeNode(
      ts.isUnionTypeNode(result) ? ts.SyntaxKind.NeverKeyword : ts.SyntaxKind.UnknownKeyword,
    );
    result =
      kept.length === 0
        ? empty
        : kept.length === 1
          ? (kept[0] as ts.TypeNode)
          : ts.isUnionTypeNode(result)
            ? factory.createUnionTypeNode(kept)
            : factory.createIntersectionTypeNode(kept);
  }
  return result;
}

/** Names of the schemas that sit on a cycle of eager references (Tarjan's strongly connected components, plus self-loops). */
function cyclicSchemas(types: ReadonlyMap<string, ts.TypeNode>): Set<string> {
  const edges = new Map(
    [...types].map(([name, type]) => [
      name,
      ts.isTypeLiteralNode(type) ? [] : [...eagerReferences(type)].filter((other) => types.has(other)),
    ]),
  );
  const cyclic = new Set<string>();
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const connect = (name: string): void => {
    index.set(name, index.size);
    low.set(name, index.get(name) ?? 0);
    stack.push(name);
    for (const next of edges.get(name) ?? []) {
      if (!index.has(next)) {
        connect(next);
        low.set(name, Math.min(low.get(name) ?? 0, low.get(next) ?? 0));
      } else if (stack.includes(next)) low.set(name, Math.min(low.get(name) ?? 0, index.get(next) ?? 0));
    }
    if (low.get(name) !== index.get(name)) return;
    const component: string[] = [];
    for (let member = stack.pop(); member !== undefined; member = member === name ? undefined : stack.pop())
      component.push(member);
    if (component.length > 1 || edges.get(name)?.includes(name)) for (const member of component) cyclic.add(member);
  };
  for (const name of types.keys()) if (!index.has(name)) connect(name);
  return cyclic;
}

function withRequiredHelper(): ts.TypeAliasDeclaration {
  const T = factory.createTypeReferenceNode('T');
  const K = factory.createTypeReferenceNode('K');
  const P = factory.createTypeReferenceNode('P');
  // type WithRequired<T, K extends PropertyKey> = T extends object ? T & { [P in K & keyof T]-?: T[P] } : T;
  return factory.createTypeAliasDeclaration(
    undefined,
    'WithRequired',
    [
      factory.createTypeParameterDeclaration(undefined, 'T'),
      factory.createTypeParameterDeclaration(undefined, 'K', factory.createTypeReferenceNode('PropertyKey')),
    ],
    factory.createConditionalTypeNode(
      T,
      factory.createKeywordTypeNode(ts.SyntaxKind.ObjectKeyword),
      factory.createIntersectionTypeNode([
        T,
        factory.createMappedTypeNode(
          undefined,
          factory.createTypeParameterDeclaration(
            undefined,
            'P',
            factory.createIntersectionTypeNode([K, factory.createTypeOperatorNode(ts.SyntaxKind.KeyOfKeyword, T)]),
          ),
          undefined,
          factory.createToken(ts.SyntaxKind.MinusToken),
          factory.createIndexedAccessTypeNode(T, P),
          undefined,
        ),
      ]),
      T,
    ),
  );
}

const aliasName = (name: string): string => `RecursiveSchema_${name.replace(/[^A-Za-z0-9_$]/g, '_')}`;

/**
 * `names` (component -> public name, see named-schemas.ts) names the aliases of
 * a cycle's schemas; without it they are `RecursiveSchema_<name>`.
 */
export function repairSchemaTypes(
  nodes: readonly ts.Node[],
  names: ReadonlyMap<string, string> = new Map(),
): ts.Node[] {
  const aliases: ts.TypeAliasDeclaration[] = [];
  const repaired = nodes.map((node) => {
    if (ts.isTypeAliasDeclaration(node) && node.name.text === 'WithRequired') return withRequiredHelper();
    if (!isComponents(node)) return node;
    return mapComponentSchemas(node, (members) => {
      const types = new Map<string, ts.TypeNode>();
      for (const schema of members) {
        const name = memberName(schema);
        if (name !== undefined && ts.isPropertySignature(schema) && schema.type) types.set(name, schema.type);
      }
      const cyclic = cyclicSchemas(types);
      // Unique even when two schema names clean up alike (`a-b`, `a_b`).
      const scope = new NameScope(names.values());
      const aliasOf = new Map([...cyclic].map((name) => [name, names.get(name) ?? scope.claim(aliasName(name))]));
      return members.map((schema) => {
        if (!ts.isPropertySignature(schema) || !schema.type) return schema;
        const name = memberName(schema);
        const alias = name === undefined ? undefined : aliasOf.get(name);
        if (!alias) return schema;
        aliases.push(
          factory.createTypeAliasDeclaration(
            [factory.createModifier(ts.SyntaxKind.ExportKeyword)],
            alias,
            undefined,
            replaceCycle(schema.type, aliasOf, alias),
          ),
        );
        return pointAt(schema, alias, true);
      });
    });
  });
  return [...repaired, ...aliases];
}
