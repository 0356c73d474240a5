/**
 * Vitest global setup: one Prism mock per provider spec, shared by every test
 * file through `inject('prism')`, all stopped when the run ends.
 */
import type { TestProject } from 'vitest/node';
import { PROVIDERS, specPath, type Provider } from './providers.js';
import { startPrism, type PrismServer } from './prism.js';

declare module 'vitest' {
  export interface ProvidedContext {
    prism: Record<Provider, string>;
  }
}

let servers: PrismServer[] = [];

export async function setup(project: TestProject): Promise<void> {
  servers = await Promise.all(PROVIDERS.map((provider) => startPrism(specPath(provider))));
  const urls = Object.fromEntries(PROVIDERS.map((provider, index) => [provider, servers[index]?.url ?? ''])) as Record<
    Provider,
    string
  >;
  project.provide('prism', urls);
}

export async function teardown(): Promise<void> {
  await Promise.all(servers.map((server) => server.stop()));
  servers = [];
}
