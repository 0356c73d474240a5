/**
 * specsmith's Redocly lint plugin (https://redocly.com/docs/cli/custom-plugins).
 * redocly.yaml loads it through ./redocly-plugin.js and turns every rule on as
 * an error.
 */
import { errorSchema } from './rules/error-schema.js';
import { examples } from './rules/examples.js';
import { extensions } from './rules/extensions.js';
import { operationBasics } from './rules/operation-basics.js';

export default function specsmithPlugin(): unknown {
  const rules = {
    'operation-basics': operationBasics,
    examples,
    'error-schema': errorSchema,
    extensions,
  };
  return { id: 'specsmith', rules: { oas3: rules } };
}
