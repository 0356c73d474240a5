/**
 * The files each package ships for agents are well-formed: llms.txt in the
 * llmstxt.org layout with links that resolve to README sections, an
 * llms-full.txt that covers every operation, an RFC 9727 linkset whose
 * targets exist in the package, and, in the MCP server package beside it, an
 * MCP server card that names the tools and runs that package.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contractSpec } from '../support/contract.js';
import { PROVIDERS } from '../support/providers.js';
import { repoRoot } from '../support/redocly.js';

/** GitHub's anchor for a heading (what README links resolve against). */
function slug(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

describe.each(PROVIDERS)('%s agent files', (provider) => {
  const dir = join(repoRoot, 'generated', provider);
  const read = (file: string): string => readFileSync(join(dir, file), 'utf8');

  it('llms.txt: H1 title, a blockquote summary, H2 sections of links that resolve in the README', async () => {
    const spec = await contractSpec(provider);
    const text = read('llms.txt');
    const lines = text.split('\n');
    expect(lines[0]).toBe(`# ${String((spec.document['info'] as { title: string }).title)}`);
    expect(lines[2]).toMatch(/^> \S/);
    expect(lines.filter((line) => line.startsWith('# '))).toHaveLength(1);
    const links = [...text.matchAll(/^- \[([^\]]+)\]\(([^)]+)\)(: .*)?$/gm)];
    const anchors = new Set([...read('README.md').matchAll(/^#{1,6} (.+)$/gm)].map((match) => slug(match[1] ?? '')));
    const operationLinks = links.filter((link) => link[2]?.startsWith('README.md#'));
    expect(operationLinks).toHaveLength(spec.operations.length);
    for (const link of operationLinks) expect(anchors.has(link[2]?.slice('README.md#'.length) ?? '')).toBe(true);
    for (const link of links.filter((candidate) => !candidate[2]?.includes('#')))
      expect(existsSync(join(dir, link[2] ?? ''))).toBe(true);
    expect(text).toMatch(/^## Optional$/m);
  });

  it('llms-full.txt: every operation with its MCP tool and an example', async () => {
    const spec = await contractSpec(provider);
    const text = read('llms-full.txt');
    for (const operation of spec.operations) expect(text).toContain(`MCP tool: \`${operation.operationId}\``);
    expect(text.match(/^```ts$/gm)).toHaveLength(spec.operations.length);
  });

  it('api-catalog.json: an RFC 9727 linkset with the spec as service-desc and the docs as service-doc', () => {
    const catalog = JSON.parse(read('api-catalog.json')) as { linkset: Array<Record<string, unknown>> };
    expect(Array.isArray(catalog.linkset)).toBe(true);
    const [entry] = catalog.linkset;
    expect(typeof entry?.['anchor']).toBe('string');
    for (const relation of ['service-desc', 'service-doc']) {
      const targets = entry?.[relation] as Array<{ href: string; type: string }>;
      // RFC 9264: link targets are always arrays of objects with an href.
      expect(Array.isArray(targets)).toBe(true);
      for (const target of targets) {
        expect(existsSync(join(dir, target.href))).toBe(true);
        expect(target.type).toMatch(/^[a-z]+\/[\w.+-]+$/);
      }
    }
    expect((entry?.['service-desc'] as Array<{ type: string }>)[0]?.type).toBe('application/openapi+json');
    expect(JSON.parse(read('openapi.json')).openapi).toMatch(/^3\.1/);
  });

  it('mcp-server-card.json (in the MCP package): server info, stdio transport running that package, and one entry per tool', async () => {
    const spec = await contractSpec(provider);
    const mcpDir = join(repoRoot, 'generated', `${provider}-mcp`);
    const card = JSON.parse(readFileSync(join(mcpDir, 'mcp-server-card.json'), 'utf8')) as {
      version: string;
      protocolVersion: string;
      serverInfo: { name: string; title: string; version: string };
      description: string;
      transport: { type: string; command: string; args: string[] };
      capabilities: Record<string, unknown>;
      tools: Array<{ name: string; description: string }>;
    };
    const pkg = JSON.parse(readFileSync(join(mcpDir, 'package.json'), 'utf8')) as {
      name: string;
      version: string;
      bin: Record<string, string>;
    };
    expect(card.serverInfo).toMatchObject({ name: pkg.name, version: pkg.version });
    expect(card.protocolVersion).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(card.transport.type).toBe('stdio');
    // `npx -y <package>` runs the package's one bin.
    expect(card.transport.args.at(-1)).toBe(pkg.name);
    expect(Object.keys(pkg.bin)).toEqual([`${provider}-mcp`]);
    expect(existsSync(join(dir, 'mcp-server-card.json'))).toBe(false);
    expect(card.capabilities).toHaveProperty('tools');
    expect(card.tools.map((tool) => tool.name).sort()).toEqual(
      spec.operations.map((operation) => operation.operationId).sort(),
    );
  });
});
