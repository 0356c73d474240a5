/**
 * A loopback HTTP server that misbehaves on purpose, for the faults Prism
 * cannot produce: scripted status sequences, Retry-After, slow or hung
 * responses, truncated bodies, and server-sent events written in arbitrary
 * chunks and cut off mid-stream. It records every request it receives and
 * every socket it opens, so tests can assert that nothing was lost or left
 * dangling.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
  receivedAt: number;
}

export type FaultHandler = (request: RecordedRequest, response: ServerResponse, index: number) => void | Promise<void>;

export interface FaultServer {
  url: string;
  requests: RecordedRequest[];
  /** Requests whose connection closed before the server finished answering (the client gave up). */
  abandoned: number;
  /** Waits until `count` requests were abandoned, or `timeoutMs` passed; returns how many were abandoned by then. */
  waitForAbandoned(count: number, timeoutMs?: number): Promise<number>;
  /** Sockets currently open. */
  openSockets(): number;
  close(): Promise<void>;
}

export async function startFaultServer(handler: FaultHandler): Promise<FaultServer> {
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const state = { abandoned: 0 };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const recorded: RecordedRequest = {
        method: request.method ?? 'GET',
        url: request.url ?? '/',
        headers: request.headers,
        body: Buffer.concat(chunks),
        receivedAt: Date.now(),
      };
      const index = requests.push(recorded) - 1;
      response.on('close', () => {
        if (!response.writableFinished) state.abandoned++;
      });
      Promise.resolve(handler(recorded, response, index)).catch((error: unknown) => {
        if (!response.headersSent) response.writeHead(500);
        response.end(String(error));
      });
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    get abandoned() {
      return state.abandoned;
    },
    async waitForAbandoned(count: number, timeoutMs = 1_000): Promise<number> {
      for (let waited = 0; waited < timeoutMs && state.abandoned < count; waited += 20) await wait(20);
      return state.abandoned;
    },
    openSockets: () => sockets.size,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

export function json(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  response.end(text);
}

export const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Writes server-sent-event text in the given pieces, with a pause between them so each is its own chunk on the wire. */
export async function writeChunks(response: ServerResponse, pieces: readonly string[], pauseMs = 15): Promise<void> {
  for (const piece of pieces) {
    response.write(piece);
    await wait(pauseMs);
  }
}

export function startEventStream(response: ServerResponse): void {
  response.writeHead(200, {
    'Content-Type': 'text/event-stream',
    'Cache-Control': 'no-cache',
    Connection: 'keep-alive',
  });
  response.flushHeaders();
}
