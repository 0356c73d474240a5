/**
 * Open enums keep their completions. A spec says a set of strings is open (a
 * provider may add values; clients must not break on them) with the JSON
 * Schema idiom `anyOf: [{enum: [...]}, {type: string}]`, which validators
 * understand. openapi-typescript renders it as `("a" | "b") | string`, which
 * TypeScript reduces to `string`: the known values vanish from completions.
 * Rendering the `string` member as `string & {}` keeps the same set of values
 * while TypeScript keeps the literals apart, so editors still offer them.
 *
 * Only unions that hold string literals (directly, or through a schema that is
 * a union of string literals) change; `number | string` stays as it is.
 */
import ts from 'typescript';
import { schemaReference } from './schema-reference.js';

const factory = ts.factory;

/** The members of a union, with parenthesised unions inside it spread out. */
function unionMembers(type: ts.TypeNode): ts.TypeNode[] {
  if (ts.isParenthesizedTypeNode(type)) return unionMembers(type.type);
  if (ts.isUnionTypeNode(type)) return type.types.flatMap(unionMembers);
  return [type];
}

/** A string literal type; openapi-typescript writes them as identifiers holding the JSON string (`"a"`). */
const isStringLiteral = (type: ts.Node): boolean =>
  (ts.isLiteralTypeNode(type) && ts.isStringLiteral(type.literal)) ||
  (ts.isIdentifier(type) && type.text.startsWith('"'));

/** Names of the component schemas whose type is only string literals (a closed string enum), following references. */
function stringEnumSchemas(nodes: readonly ts.Node[]): Set<string> {
  const types = new Map<string, ts.TypeNode>();
  for (const node of nodes) {
    if (!ts.isInterfaceDeclaration(node) || node.name.text !== 'components') continue;
    for (const member of node.members) {
      if (
        !ts.isPropertySignature(member) ||
        !ts.isIdentifier(member.name) ||
        member.name.text !== 'schemas' ||
        !member.type ||
        !ts.isTypeLiteralNode(member.type)
      )
        continue;
      for (const schema of member.type.members) {
        if (
          ts.isPropertySignature(schema) &&
          schema.type &&
          (ts.isIdentifier(schema.name) || ts.isStringLiteral(schema.name))
        )
          types.set(schema.name.text, schema.type);
      }
    }
  }
  const enums = new Set<string>();
  // A reference chain is at most as long as the number of schemas.
  for (let changed = true; changed; ) {
    changed = false;
    for (const [name, type] of types) {
      if (enums.has(name)) continue;
      const members = unionMembers(type);
      if (members.every((member) => isStringLiteral(member) || enums.has(schemaReference(member) ?? ''))) {
        enums.add(name);
        changed = true;
      }
    }
  }
  return enums;
}

/** `string & {}`: every string, kept apart from the literals it is united with. */
function openString(): ts.TypeNode {
  return factory.createParenthesizedType(
    factory.createIntersectionTypeNode([
      factory.createKeywordTypeNode(ts.SyntaxKind.StringKeyword),
      factory.createTypeLiteralNode([]),
    ]),
  );
}

export function openStringEnums(nodes: readonly ts.Node[]): ts.Node[] {
  const enums = stringEnumSchemas(nodes);
  const holdsLiterals = (member: ts.TypeNode): boolean =>
    isStringLiteral(member) || enums.has(schemaReference(member) ?? '');
  const visit = (node: ts.Node): ts.Node => {
    if (ts.isUnionTypeNode(node)) {
      const members = unionMembers(node);
      const open = members.some((member) => member.kind === ts.SyntaxKind.StringKeyword) && members.some(holdsLiterals);
      if (open)
        return factory.createUnionTypeNode(
          members.map((member) =>
            member.kind === ts.SyntaxKind.StringKeyword ? openString() : (ts.visitNode(member, visit) as ts.TypeNode),
          ),
        );
    }
    return ts.visitEachChild(node, visit, undefined);
  };
  return nodes.map((node) => ts.visitNode(node, visit) as ts.Node);
}
