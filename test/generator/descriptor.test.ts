/**
 * The model's three parts: the runtime descriptor (what operations.ts
 * declares, with links between operations), the surface and the type layer
 * are complete when built, and the descriptor is what operations.ts prints.
 */
import { describe, expect, it } from 'vitest';
import { emitOperations } from '../../generator/emit/operations-file.js';
import { OperationLink } from '../../generator/model/descriptor/types.js';
import { model, ok, spec, type Json } from './helpers.js';

const stream = { '200': { description: 'events', content: { 'text/event-stream': { schema: { type: 'string' } } } } };

function streaming(resume: Json | false): Json {
  return spec({
    '/runs/{id}/events': {
      get: {
        operationId: 'streamRun',
        tags: ['runs'],
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: stream,
        'x-specsmith-sse': { resume },
      },
    },
    '/runs/{id}/more': {
      get: {
        operationId: 'moreRun',
        tags: ['runs'],
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: stream,
      },
    },
  });
}

const chunked = spec({
  '/uploads': {
    post: {
      operationId: 'startUpload',
      tags: ['files'],
      responses: ok,
      'x-specsmith-chunked-upload': {
        part: 'sendPart',
        complete: 'finishUpload',
        uploadId: '/id',
        partSize: '/size',
        uploadIdParam: 'id',
        partNumberParam: 'n',
      },
    },
  },
  '/uploads/{id}/{n}': {
    put: {
      operationId: 'sendPart',
      tags: ['files'],
      parameters: [
        { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
        { name: 'n', in: 'path', required: true, schema: { type: 'integer' } },
      ],
      responses: ok,
    },
  },
  '/uploads/{id}': {
    post: {
      operationId: 'finishUpload',
      tags: ['files'],
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
      responses: ok,
    },
  },
});

describe('SSE resume', () => {
  it('says explicitly that `via: self` repeats this request without Last-Event-ID', () => {
    const [described] = model(streaming({ via: 'self' })).descriptor.operations;
    expect(described?.descriptor.sse?.resume).toEqual({
      via: undefined,
      lastEventId: false,
      params: undefined,
      requires: undefined,
    });
    expect(emitOperations(model(streaming({ via: 'self' })), 'ua')).toContain('resume: { lastEventId: false } }');
  });

  it('links a resume through another operation as a thunk, and keeps lastEventId: true', () => {
    const api = model(streaming({ via: 'moreRun', lastEventId: true }));
    expect(api.descriptor.operations[0]?.descriptor.sse?.resume?.via).toEqual(
      new OperationLink('moreRun', 'moreRun', true),
    );
    expect(emitOperations(api, 'ua')).toContain('resume: { via: () => moreRun, lastEventId: true }');
  });

  it('has no resume when the extension turns it off', () => {
    expect(model(streaming(false)).descriptor.operations[0]?.descriptor.sse?.resume).toBeUndefined();
  });
});

describe('chunked upload', () => {
  it('is a descriptor of its own in operations.ts, right after the operation that starts it', () => {
    const text = emitOperations(model(chunked), 'ua');
    expect(text).toContain("import type { ChunkedUploadDescriptor } from './runtime/chunked-upload.js';");
    const start = text.indexOf('export const startUpload: OperationDescriptor');
    const helper = text.indexOf(
      "export const startUploadChunked: ChunkedUploadDescriptor = { start: startUpload, part: () => sendPart, complete: () => finishUpload, uploadId: '/id', partSize: '/size', uploadIdParam: 'id', partNumberParam: 'n', firstPart: 1 };",
    );
    expect(start).toBeGreaterThan(0);
    expect(helper).toBeGreaterThan(start);
    expect(helper).toBeLessThan(text.indexOf('export const sendPart'));
  });

  it('names the descriptor after every operation key, so an operation called like it keeps its name', () => {
    const document = structuredClone(chunked) as { paths: Record<string, unknown> };
    document.paths['/other'] = { get: { operationId: 'startUploadChunked', tags: ['files'], responses: ok } };
    const api = model(document);
    expect(api.operations.find((operation) => operation.operationId === 'startUploadChunked')?.key).toBe(
      'startUploadChunked',
    );
    expect(api.descriptor.operations[0]?.chunkedUpload?.key).toBe('startUploadChunked2');
  });

  it('is absent when the completing operation does not exist', () => {
    const document = structuredClone(chunked) as { paths: Record<string, Record<string, Record<string, unknown>>> };
    delete document.paths['/uploads/{id}'];
    const api = model(document);
    expect(api.descriptor.operations[0]?.chunkedUpload).toBeUndefined();
    expect(emitOperations(api, 'ua')).not.toContain('ChunkedUploadDescriptor');
  });
});

describe('no placeholders', () => {
  it('every operation has its method, response type name and descriptor when the model is returned', () => {
    const api = model(chunked);
    for (const operation of api.operations) {
      expect(operation.methodName).not.toBe('');
      expect(operation.responseTypeName).not.toBe('');
    }
    // No resource noun (`file`) in these operationIds, so the method names are the ids themselves.
    expect(api.descriptor.operations.map((operation) => operation.descriptor.methodPath)).toEqual([
      'files.startUpload',
      'files.sendPart',
      'files.finishUpload',
    ]);
    expect(api.resources.map((resource) => resource.className)).toEqual(['Files']);
  });
});
