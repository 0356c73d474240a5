/**
 * A loopback proxy in front of Prism that adds `Prefer: code=<status>` to
 * requests whose path matches a rule, so a process that cannot set request
 * headers itself (an MCP server over stdio) still meets the spec's documented
 * error responses.
 */
import { createServer, request as httpRequest } from 'node:http';

export async function startPreferProxy(
  target: string,
  rules: ReadonlyArray<{ path: RegExp; prefer: string }>,
): Promise<{ url: string; close(): Promise<void> }> {
  const upstream = new URL(target);
  const server = createServer((incoming, outgoing) => {
    const headers: Record<string, string | string[] | undefined> = { ...incoming.headers, host: upstream.host };
    const rule = rules.find((candidate) => candidate.path.test(incoming.url ?? ''));
    if (rule) headers['prefer'] = rule.prefer;
    const forward = httpRequest(
      { host: upstream.hostname, port: upstream.port, method: incoming.method, path: incoming.url, headers },
      (response) => {
        outgoing.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(outgoing);
      },
    );
    forward.on('error', (error) => {
      outgoing.writeHead(502);
      outgoing.end(String(error));
    });
    incoming.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
