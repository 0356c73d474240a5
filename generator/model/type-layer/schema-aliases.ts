/**
 * One exported name per `components/schemas` entry (`Project` for `project`),
 * claimed after every name of a fixed scheme: a collision renames the schema
 * (`Schema`, then `Model`, then a number), and `--verbose` reports it.
 */
import { appendPointer } from '../../load/json-pointer.js';
import { identifier, pascalCase } from '../naming.js';
import { RENAME_SUFFIXES } from '../reserved-names.js';
import { entriesOf, type Spec } from '../read/document.js';
import type { SchemaAlias } from '../types.js';
import type { TypeNames } from './type-names.js';

export function schemaAliases(spec: Spec, names: TypeNames): SchemaAlias[] {
  return entriesOf(spec.api.components?.schemas).map(([component]) => {
    const wanted = identifier(pascalCase(component), 'Schema');
    return {
      component,
      name: names.claim(
        `schema ${appendPointer('#/components/schemas', component)}`,
        wanted,
        ...RENAME_SUFFIXES.map((suffix) => `${wanted}${suffix}`),
      ),
    };
  });
}
