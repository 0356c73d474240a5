/** One exported alias per `components/schemas` entry (`Project = components['schemas']['project']`). */
import { appendPointer } from '../../load/json-pointer.js';
import { identifier, pascalCase } from '../naming.js';
import { entriesOf, type Spec } from '../read/document.js';
import type { SchemaAlias } from '../types.js';
import type { TypeNames } from './type-names.js';

export function schemaAliases(spec: Spec, names: TypeNames): SchemaAlias[] {
  return entriesOf(spec.api.components?.schemas).map(([component]) => ({ component, name: names.claim(`schema ${appendPointer('#/components/schemas', component)}`, identifier(pascalCase(component), 'Schema')) }));
}
