/**
 * The cost of one GET through a generated client: the same request on a
 * loopback server with raw `fetch`, openapi-fetch, and the AgentMetal client
 * (retries, auth, error mapping, envelope handling included), in rounds that
 * interleave the three (in a rotating order) so drift hits them alike. On a
 * shared machine the load changes from one second to the next, so the
 * overhead is the median of each round's own ratio to raw fetch (paired), in
 * wall time and in this process's CPU time (client and server alike).
 */
import { createServer } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { median } from './measure.js';

export interface RequestResults {
  requests: number;
  rawFetchUs: number;
  openapiFetchUs: number;
  specsmithUs: number;
  /** Median over rounds of specsmith's time / raw fetch's time in that round, minus 1. */
  overhead: number;
  openapiFetchOverhead: number;
  /** The same, in CPU time (less sensitive to other processes on the machine). */
  cpuOverhead: number;
}

const BODY = JSON.stringify({
  metadata: {
    id: 'inst-xyz789',
    name: 'web',
    kind: 'Instance',
    version: 1,
    labels: {},
    created_at: '2024-03-01T12:00:00Z',
    updated_at: '2024-03-01T12:00:00Z',
  },
  spec: { type: 'cx31', image: 'ubuntu-22.04' },
  status: { phase: 'Running' },
});

interface Client {
  instances: { get(id: string): PromiseLike<unknown> };
}

export async function benchRequest(root: string, perRound: number, rounds: number): Promise<RequestResults> {
  const server = createServer((_request, response) => {
    response.writeHead(200, {
      'Content-Type': 'application/json',
      'Content-Length': Buffer.byteLength(BODY),
      'X-RateLimit-Limit': '100',
      'X-RateLimit-Remaining': '99',
      'X-RateLimit-Reset': '1709312400',
    });
    response.end(BODY);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const key = 'ak_live_bench';
  const { AgentMetal } = (await import(pathToFileURL(join(root, 'generated/agentmetal/dist/index.js')).href)) as {
    AgentMetal: new (options: object) => Client;
  };
  const createClient = (
    (await import(pathToFileURL(join(root, 'node_modules/openapi-fetch/dist/index.mjs')).href)) as {
      default: (options: object) => { GET(path: string, init: object): Promise<{ data?: unknown }> };
    }
  ).default;
  const specsmith = new AgentMetal({ apiKey: key, baseUrl: base });
  const openapiFetch = createClient({ baseUrl: base, headers: { 'X-API-Key': key } });
  const contenders: Record<string, () => Promise<unknown>> = {
    // The same headers the generated client sends, so only the client's own work differs.
    rawFetch: async () =>
      (
        await fetch(`${base}/v1/instances/inst-xyz789`, {
          headers: { Accept: 'application/json', 'User-Agent': '@specsmith/agentmetal/0.1.0', 'X-API-Key': key },
        })
      ).json(),
    openapiFetch: async () =>
      (await openapiFetch.GET('/v1/instances/{instance_id}', { params: { path: { instance_id: 'inst-xyz789' } } }))
        .data,
    specsmith: () => Promise.resolve(specsmith.instances.get('inst-xyz789')),
  };
  const names = Object.keys(contenders);
  const perRequest: Record<string, number[]> = { rawFetch: [], openapiFetch: [], specsmith: [] };
  const cpuPerRequest: Record<string, number[]> = { rawFetch: [], openapiFetch: [], specsmith: [] };
  for (const call of Object.values(contenders)) for (let index = 0; index < 300; index++) await call(); // warm-up
  for (let round = 0; round < rounds; round++) {
    for (let turn = 0; turn < names.length; turn++) {
      const name = names[(round + turn) % names.length] ?? '';
      const call = contenders[name];
      if (!call) continue;
      const cpu = process.cpuUsage();
      const started = performance.now();
      for (let index = 0; index < perRound; index++) await call();
      perRequest[name]?.push(((performance.now() - started) * 1000) / perRound);
      const used = process.cpuUsage(cpu);
      cpuPerRequest[name]?.push((used.user + used.system) / perRound);
    }
  }
  const paired = (times: Record<string, number[]>, name: string): number =>
    median((times[name] ?? []).map((value, round) => value / (times['rawFetch']?.[round] ?? Number.NaN) - 1));
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return {
    requests: perRound * rounds,
    rawFetchUs: median(perRequest['rawFetch'] ?? []),
    openapiFetchUs: median(perRequest['openapiFetch'] ?? []),
    specsmithUs: median(perRequest['specsmith'] ?? []),
    overhead: paired(perRequest, 'specsmith'),
    openapiFetchOverhead: paired(perRequest, 'openapiFetch'),
    cpuOverhead: paired(cpuPerRequest, 'specsmith'),
  };
}
