/**
 * A synthetic OpenAPI document of many schemas that refer to one another
 * (chains, fan-out, arrays, unions and cycles), the shape of large real APIs
 * whose every object reaches most others through `$ref`s. Each operation's
 * body names one schema, so every tool's input reaches most of the graph;
 * `smallOperations` more take a note, whose schema reaches one other only.
 */

export interface InterlinkedOptions {
  schemas: number;
  operations: number;
  smallOperations: number;
}

function schema(index: number, count: number): Record<string, unknown> {
  const ref = (offset: number): { $ref: string } => ({
    $ref: `#/components/schemas/Model${(index * offset + offset * 7 + 1) % count}`,
  });
  const properties: Record<string, unknown> = {
    id: {
      type: 'string',
      description: `Identifier of model ${index}, unique across the account and stable for its lifetime.`,
    },
    name: {
      type: 'string',
      maxLength: 200,
      description: 'Human-readable name shown in dashboards and exports; need not be unique.',
    },
    status: {
      type: 'string',
      enum: ['active', 'paused', 'archived', 'deleted'],
      description: 'Lifecycle state of the record.',
    },
    created_at: { type: 'string', format: 'date-time', description: 'When the record was created (RFC 3339).' },
    count: { type: 'integer', minimum: 0, description: 'How many related records exist.' },
    labels: { type: 'object', additionalProperties: { type: 'string' }, description: 'Free-form key/value labels.' },
    next: ref(1),
    parent: { ...ref(3), description: 'The record this one belongs to.' },
    children: { type: 'array', items: ref(5), description: 'Records that belong to this one.' },
    related: { oneOf: [ref(7), ref(11), { type: 'null' }], description: 'A related record of one of several kinds.' },
    // Real schemas carry prose: about a kilobyte here, as in large public APIs.
    summary: {
      type: 'string',
      maxLength: 4000,
      description: `A long-form summary of model ${index}. `.padEnd(
        1200,
        'Describes what the record holds, who may change it and how it relates to others. ',
      ),
    },
    history: {
      type: 'array',
      items: {
        allOf: [ref(13), { type: 'object', properties: { changed_at: { type: 'string', format: 'date-time' } } }],
      },
    },
  };
  return {
    type: 'object',
    description: `Model number ${index}: a record that links to several others.`,
    required: ['id', 'name'],
    properties,
  };
}

/** The document, as a plain object (write it as JSON). */
export function interlinkedSpec({ schemas, operations, smallOperations }: InterlinkedOptions): Record<string, unknown> {
  const components: Record<string, unknown> = {};
  for (let index = 0; index < schemas; index++) components[`Model${index}`] = schema(index, schemas);
  components['Note'] = {
    type: 'object',
    required: ['text'],
    properties: { text: { type: 'string', maxLength: 500 }, author: { $ref: '#/components/schemas/Author' } },
  };
  components['Author'] = {
    type: 'object',
    required: ['email'],
    properties: { email: { type: 'string', format: 'email' }, name: { type: 'string' } },
  };
  const paths: Record<string, unknown> = {};
  for (let index = 0; index < smallOperations; index++) {
    paths[`/notes${index}`] = {
      post: {
        operationId: `createNote${index}`,
        tags: ['Notes'],
        summary: `Add note ${index}`,
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['note'],
                properties: { note: { $ref: '#/components/schemas/Note' } },
              },
            },
          },
        },
        responses: { '201': { description: 'Added.' } },
      },
    };
  }
  for (let index = 0; index < operations; index++) {
    const model = `#/components/schemas/Model${(index * 37) % schemas}`;
    paths[`/models${index}/{id}`] = {
      put: {
        operationId: `updateModel${index}`,
        tags: [`Group${index % 12}`],
        summary: `Replace model ${index}`,
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        requestBody: { required: true, content: { 'application/json': { schema: { $ref: model } } } },
        responses: {
          '200': { description: 'The record.', content: { 'application/json': { schema: { $ref: model } } } },
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Interlinked API', version: '1.0.0' },
    servers: [{ url: 'https://api.example.com' }],
    tags: [...Array.from({ length: 12 }, (_, index) => ({ name: `Group${index}` })), { name: 'Notes' }],
    paths,
    components: { schemas: components },
  };
}
