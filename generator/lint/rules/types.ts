/**
 * The slice of Redocly's plugin interface our rules use
 * (https://redocly.com/docs/cli/custom-plugins/custom-rules): a rule is a
 * function returning visitors keyed by node type; `ctx` reports problems at a
 * location in the source file.
 */
export interface Location {
  source: { absoluteRef: string };
  child(segments: string | number | Array<string | number>): Location;
}

export interface RuleContext {
  location: Location;
  report(problem: { message: string; location?: Location }): void;
  /** Resolves a `$ref` node; `from` is the absolute ref of the file the node was written in. */
  resolve(node: unknown, from?: string): { node: unknown; location?: Location };
}

type Visit = (node: Record<string, unknown>, ctx: RuleContext) => void;

export type Visitors = Record<string, Visit | { enter?: Visit; leave?: Visit }>;

export type Rule = () => Visitors;
