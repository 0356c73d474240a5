/** The four provider specs the project ships. */
import { join } from 'node:path';
import { repoRoot } from './redocly.js';

export const PROVIDERS = ['hotmetal', 'hot', 'agentmetal', 'heycmo'] as const;
export type Provider = (typeof PROVIDERS)[number];

export function specPath(provider: Provider): string {
  return join(repoRoot, 'specs', provider, 'openapi.yaml');
}
