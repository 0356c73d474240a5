/**
 * One spec pair per diff rule: the base spec (test/fixtures/diff/base.json)
 * against a copy with one edit. Each row states the rule, its kind and the
 * JSON pointer expected on the edited side, written out here rather than read
 * from the rule table, so a misclassified rule fails.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffSpecs, type DiffResult } from '../../generator/diff/diff-specs.js';
import { fileSource } from '../../generator/diff/spec-source.js';
import { repoRoot } from '../generator/helpers.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- fixture edits reach into arbitrary spec paths
type Edit = (before: Json, after: Json) => void;

let base: Json;
let temp: string;
let counter = 0;

beforeAll(async () => {
  base = JSON.parse(await readFile(join(repoRoot, 'test/fixtures/diff/base.json'), 'utf8')) as Json;
  temp = await mkdtemp(join(tmpdir(), 'specsmith-diff-rules-'));
});
afterAll(async () => {
  await rm(temp, { recursive: true, force: true });
});

async function diff(edit: Edit): Promise<DiffResult> {
  const before = structuredClone(base);
  const after = structuredClone(base);
  edit(before, after);
  const dir = join(temp, String(counter++));
  const { mkdir } = await import('node:fs/promises');
  await mkdir(dir);
  await writeFile(join(dir, 'old.json'), JSON.stringify(before));
  await writeFile(join(dir, 'new.json'), JSON.stringify(after));
  return diffSpecs(fileSource(join(dir, 'old.json'), dir), fileSource(join(dir, 'new.json'), dir), dir);
}

const pets = (doc: Json): Json => doc.paths['/pets'];
const pet = (doc: Json): Json => doc.components.schemas.Pet;
const newPet = (doc: Json): Json => doc.components.schemas.NewPet;
const listParams = (doc: Json): Json[] => pets(doc).get.parameters;

type Row = [
  rule: string,
  kind: 'breaking' | 'non-breaking' | 'informational',
  edit: Edit,
  newPointer: string | undefined,
];

const rows: Row[] = [
  ['api-removed', 'breaking', (_b, a) => delete a.paths['/pets/{petId}'].delete, undefined],
  [
    'api-added',
    'non-breaking',
    (_b, a) =>
      (a.paths['/pets/{petId}'].put = {
        operationId: 'replacePet',
        tags: ['pets'],
        parameters: [{ name: 'petId', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '204': { description: 'Done' } },
      }),
    '/paths/~1pets~1{petId}/put',
  ],
  [
    'api-path-changed',
    'breaking',
    (_b, a) => {
      a.paths['/animals/{petId}'] = { delete: a.paths['/pets/{petId}'].delete };
      delete a.paths['/pets/{petId}'].delete;
    },
    '/paths/~1animals~1{petId}/delete',
  ],
  ['api-deprecated', 'informational', (_b, a) => (pets(a).get.deprecated = true), '/paths/~1pets/get'],
  ['api-undeprecated', 'informational', (b) => (pets(b).get.deprecated = true), '/paths/~1pets/get'],
  ['api-operation-id-changed', 'informational', (_b, a) => (pets(a).get.operationId = 'findPets'), '/paths/~1pets/get'],
  ['api-summary-changed', 'informational', (_b, a) => (pets(a).get.summary = 'List every pet'), '/paths/~1pets/get'],
  [
    'new-required-request-parameter',
    'breaking',
    (_b, a) => listParams(a).push({ name: 'region', in: 'query', required: true, schema: { type: 'string' } }),
    '/paths/~1pets/get/parameters/3',
  ],
  [
    'new-optional-request-parameter',
    'non-breaking',
    (_b, a) => listParams(a).push({ name: 'region', in: 'query', schema: { type: 'string' } }),
    '/paths/~1pets/get/parameters/3',
  ],
  ['request-parameter-removed', 'breaking', (_b, a) => listParams(a).splice(1, 1), '/paths/~1pets/get'],
  [
    'request-parameter-became-required',
    'breaking',
    (_b, a) => (listParams(a)[0]!.required = true),
    '/paths/~1pets/get/parameters/0',
  ],
  [
    'request-parameter-became-optional',
    'non-breaking',
    (b) => (listParams(b)[0]!.required = true),
    '/paths/~1pets/get/parameters/0',
  ],
  [
    'request-parameter-type-narrowed',
    'breaking',
    (b, a) => {
      listParams(b)[2]!.schema = { type: ['string', 'null'] };
      listParams(a)[2]!.schema = { type: 'string' };
    },
    '/paths/~1pets/get/parameters/2/schema',
  ],
  [
    'request-parameter-type-widened',
    'non-breaking',
    (_b, a) => (listParams(a)[0]!.schema.type = 'number'),
    '/paths/~1pets/get/parameters/0/schema',
  ],
  [
    'request-parameter-type-changed',
    'breaking',
    (_b, a) => (listParams(a)[0]!.schema = { type: 'string' }),
    '/paths/~1pets/get/parameters/0/schema',
  ],
  [
    'request-parameter-enum-value-removed',
    'breaking',
    (_b, a) => (listParams(a)[1]!.schema.enum = ['available']),
    '/paths/~1pets/get/parameters/1/schema',
  ],
  [
    'request-parameter-enum-value-added',
    'non-breaking',
    (_b, a) => listParams(a)[1]!.schema.enum.push('pending'),
    '/paths/~1pets/get/parameters/1/schema',
  ],
  [
    'request-parameter-constraint-narrowed',
    'breaking',
    (_b, a) => (listParams(a)[0]!.schema.maximum = 50),
    '/paths/~1pets/get/parameters/0/schema',
  ],
  [
    'request-parameter-constraint-widened',
    'non-breaking',
    (_b, a) => delete listParams(a)[0]!.schema.maximum,
    '/paths/~1pets/get/parameters/0/schema',
  ],
  [
    'request-body-added-required',
    'breaking',
    (_b, a) =>
      (a.paths['/pets/{petId}'].delete.requestBody = {
        required: true,
        content: { 'application/json': { schema: { type: 'object' } } },
      }),
    '/paths/~1pets~1{petId}/delete/requestBody',
  ],
  [
    'request-body-added-optional',
    'non-breaking',
    (_b, a) =>
      (a.paths['/pets/{petId}'].delete.requestBody = {
        content: { 'application/json': { schema: { type: 'object' } } },
      }),
    '/paths/~1pets~1{petId}/delete/requestBody',
  ],
  [
    'request-body-became-required',
    'breaking',
    (b) => (pets(b).post.requestBody.required = false),
    '/paths/~1pets/post/requestBody',
  ],
  ['request-body-removed', 'breaking', (_b, a) => delete pets(a).post.requestBody, '/paths/~1pets/post'],
  [
    'request-body-media-type-removed',
    'breaking',
    (b) =>
      (pets(b).post.requestBody.content['application/x-www-form-urlencoded'] = {
        schema: { $ref: '#/components/schemas/NewPet' },
      }),
    '/paths/~1pets/post/requestBody',
  ],
  [
    'request-body-media-type-added',
    'non-breaking',
    (_b, a) =>
      (pets(a).post.requestBody.content['application/x-www-form-urlencoded'] = {
        schema: { $ref: '#/components/schemas/NewPet' },
      }),
    '/paths/~1pets/post/requestBody',
  ],
  [
    'new-required-request-property',
    'breaking',
    (_b, a) => {
      newPet(a).properties.age = { type: 'integer' };
      newPet(a).required.push('age');
    },
    '/components/schemas/NewPet/properties/age',
  ],
  [
    'new-optional-request-property',
    'non-breaking',
    (_b, a) => (newPet(a).properties.age = { type: 'integer' }),
    '/components/schemas/NewPet/properties/age',
  ],
  ['request-property-removed', 'breaking', (_b, a) => delete newPet(a).properties.tag, '/components/schemas/NewPet'],
  [
    'request-property-became-required',
    'breaking',
    (_b, a) => newPet(a).required.push('tag'),
    '/components/schemas/NewPet/properties/tag',
  ],
  [
    'request-property-became-optional',
    'non-breaking',
    (_b, a) => (newPet(a).required = []),
    '/components/schemas/NewPet/properties/name',
  ],
  [
    'request-property-type-narrowed',
    'breaking',
    (b) => (newPet(b).properties.tag.type = ['string', 'null']),
    '/components/schemas/NewPet/properties/tag',
  ],
  [
    'request-property-type-widened',
    'non-breaking',
    (_b, a) => (newPet(a).properties.tag.type = ['string', 'null']),
    '/components/schemas/NewPet/properties/tag',
  ],
  [
    'request-property-type-changed',
    'breaking',
    (_b, a) => (newPet(a).properties.tag.type = 'boolean'),
    '/components/schemas/NewPet/properties/tag',
  ],
  [
    'request-property-enum-value-removed',
    'breaking',
    (_b, a) => (newPet(a).properties.status.enum = ['available']),
    '/components/schemas/NewPet/properties/status',
  ],
  [
    'request-property-enum-value-added',
    'non-breaking',
    (_b, a) => newPet(a).properties.status.enum.push('pending'),
    '/components/schemas/NewPet/properties/status',
  ],
  [
    'request-property-constraint-narrowed',
    'breaking',
    (_b, a) => (newPet(a).properties.name.maxLength = 20),
    '/components/schemas/NewPet/properties/name',
  ],
  [
    'request-property-constraint-widened',
    'non-breaking',
    (_b, a) => (newPet(a).properties.name.maxLength = 80),
    '/components/schemas/NewPet/properties/name',
  ],
  [
    'response-success-status-removed',
    'breaking',
    (b) => (pets(b).post.responses['200'] = { description: 'Already there' }),
    '/paths/~1pets/post',
  ],
  [
    'response-success-status-added',
    'non-breaking',
    (_b, a) => (pets(a).post.responses['200'] = { description: 'Already there' }),
    '/paths/~1pets/post/responses/200',
  ],
  [
    'response-error-status-added',
    'informational',
    (_b, a) => (pets(a).post.responses['409'] = { description: 'Conflict' }),
    '/paths/~1pets/post/responses/409',
  ],
  [
    'response-error-status-removed',
    'informational',
    (_b, a) => delete pets(a).get.responses['400'],
    '/paths/~1pets/get',
  ],
  [
    'response-media-type-removed',
    'breaking',
    (b) => (pets(b).get.responses['200'].content['application/xml'] = { schema: { type: 'string' } }),
    '/paths/~1pets/get/responses/200',
  ],
  [
    'response-media-type-added',
    'non-breaking',
    (_b, a) => (pets(a).get.responses['200'].content['application/xml'] = { schema: { type: 'string' } }),
    '/paths/~1pets/get/responses/200',
  ],
  ['response-property-removed', 'breaking', (_b, a) => delete pet(a).properties.tag, '/components/schemas/Pet'],
  [
    'response-property-added',
    'non-breaking',
    (_b, a) => (pet(a).properties.age = { type: 'integer' }),
    '/components/schemas/Pet/properties/age',
  ],
  [
    'response-property-became-optional',
    'breaking',
    (_b, a) => (pet(a).required = ['id', 'name']),
    '/components/schemas/Pet/properties/status',
  ],
  [
    'response-property-became-required',
    'non-breaking',
    (_b, a) => pet(a).required.push('tag'),
    '/components/schemas/Pet/properties/tag',
  ],
  [
    'response-property-type-widened',
    'breaking',
    (_b, a) => (pet(a).properties.name.type = ['string', 'null']),
    '/components/schemas/Pet/properties/name',
  ],
  [
    'response-property-type-narrowed',
    'non-breaking',
    (b) => (pet(b).properties.name.type = ['string', 'null']),
    '/components/schemas/Pet/properties/name',
  ],
  [
    'response-property-type-changed',
    'breaking',
    (_b, a) => (pet(a).properties.tag.type = 'integer'),
    '/components/schemas/Pet/properties/tag',
  ],
  [
    'response-property-enum-value-added',
    'breaking',
    (_b, a) => pet(a).properties.status.enum.push('pending'),
    '/components/schemas/Pet/properties/status',
  ],
  [
    'response-open-enum-value-added',
    'non-breaking',
    (_b, a) => pet(a).properties.kind.anyOf[0].enum.push('bird'),
    '/components/schemas/Pet/properties/kind',
  ],
  [
    'response-property-enum-value-removed',
    'non-breaking',
    (_b, a) => (pet(a).properties.status.enum = ['available']),
    '/components/schemas/Pet/properties/status',
  ],
  ['api-security-added', 'breaking', (b) => (pets(b).get.security = []), '/paths/~1pets/get'],
  ['api-security-removed', 'non-breaking', (_b, a) => (pets(a).get.security = []), '/paths/~1pets/get'],
  [
    'api-security-alternative-added',
    'non-breaking',
    (_b, a) => {
      a.components.securitySchemes.bearer = { type: 'http', scheme: 'bearer' };
      pets(a).get.security = [{ apiKey: [] }, { bearer: [] }];
    },
    '/paths/~1pets/get',
  ],
  [
    'api-security-changed',
    'breaking',
    (_b, a) => {
      a.components.securitySchemes.bearer = { type: 'http', scheme: 'bearer' };
      pets(a).get.security = [{ bearer: [] }];
    },
    '/paths/~1pets/get',
  ],
  [
    'security-scheme-changed',
    'breaking',
    (_b, a) => (a.components.securitySchemes.apiKey.name = 'Authorization-Key'),
    '/components/securitySchemes/apiKey',
  ],
  ['info-version-changed', 'informational', (_b, a) => (a.info.version = '1.1.0'), '/info/version'],
  ['server-url-changed', 'informational', (_b, a) => (a.servers[0].url = 'https://api.example.org'), '/servers'],
  // The generated client's surface.
  ['sdk-method-removed', 'breaking', (_b, a) => delete a.paths['/pets/{petId}'].delete, undefined],
  ['sdk-method-renamed', 'breaking', (_b, a) => (pets(a).get.operationId = 'findPets'), '/paths/~1pets/get'],
  [
    'sdk-method-added',
    'non-breaking',
    (_b, a) =>
      (a.paths['/pets/{petId}'].put = {
        operationId: 'replacePet',
        tags: ['pets'],
        parameters: [{ name: 'petId', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '204': { description: 'Done' } },
      }),
    '/paths/~1pets~1{petId}/put',
  ],
  [
    'sdk-resource-removed',
    'breaking',
    (_b, a) => (a.paths['/owners/{ownerId}/pets/{petId}'].get.tags = ['pets']),
    undefined,
  ],
  ['sdk-resource-added', 'non-breaking', (_b, a) => (a.paths['/pets/{petId}'].delete.tags = ['adoptions']), undefined],
  [
    'sdk-argument-added',
    'breaking',
    (_b, a) => {
      a.paths['/stores/{storeId}/pets/{petId}'] = a.paths['/pets/{petId}'];
      delete a.paths['/pets/{petId}'];
      for (const method of ['get', 'delete'])
        a.paths['/stores/{storeId}/pets/{petId}'][method].parameters.unshift({
          name: 'storeId',
          in: 'path',
          required: true,
          schema: { type: 'string' },
        });
    },
    '/paths/~1stores~1{storeId}~1pets~1{petId}/get',
  ],
  [
    'sdk-argument-position-changed',
    'breaking',
    (_b, a) => {
      const item = a.paths['/owners/{ownerId}/pets/{petId}'];
      delete a.paths['/owners/{ownerId}/pets/{petId}'];
      a.paths['/pets/{petId}/owners/{ownerId}'] = item;
    },
    '/paths/~1pets~1{petId}~1owners~1{ownerId}/get',
  ],
  ['sdk-params-became-required', 'breaking', (_b, a) => (listParams(a)[0]!.required = true), '/paths/~1pets/get'],
  ['sdk-result-field-removed', 'breaking', (_b, a) => delete pet(a).properties.tag, '/components/schemas/Pet'],
  [
    'sdk-type-removed',
    'breaking',
    (_b, a) => {
      a.components.schemas.Animal = a.components.schemas.Owner;
      delete a.components.schemas.Owner;
      pet(a).properties.owner.$ref = '#/components/schemas/Animal';
    },
    undefined,
  ],
  [
    'sdk-type-added',
    'non-breaking',
    (_b, a) => (a.components.schemas.Store = { type: 'object', properties: { id: { type: 'string' } } }),
    undefined,
  ],
];

describe('every rule on a spec pair that shows it', () => {
  it('covers at least 30 rules', () => {
    expect(new Set(rows.map(([rule]) => rule)).size).toBeGreaterThanOrEqual(30);
  });

  it('the base spec against itself has no changes', async () => {
    const result = await diff(() => undefined);
    expect(result.changes).toEqual([]);
    expect(result.worst).toBeUndefined();
  });

  it.each(rows)('%s (%s)', async (rule, kind, edit, newPointer) => {
    const result = await diff(edit);
    const found = result.changes.filter((change) => change.rule === rule);
    expect(found, `changes found: ${result.changes.map((change) => change.rule).join(', ')}`).not.toEqual([]);
    for (const change of found) expect(change.kind).toBe(kind);
    if (newPointer !== undefined) expect(found.map((change) => change.new?.pointer)).toContain(newPointer);
    if (kind === 'breaking') expect(result.worst).toBe('breaking');
    // A breaking change tells the caller what to do.
    for (const change of found) expect(change.migration === undefined).toBe(kind !== 'breaking');
  });
});

describe('what a change names', () => {
  it('points at both sides and the file and line each was written at', async () => {
    const result = await diff((_b, a) => delete pet(a).properties.tag);
    const removed = result.changes.find((change) => change.rule === 'response-property-removed');
    expect(removed?.old).toMatchObject({
      pointer: '/components/schemas/Pet/properties/tag',
      file: 'old.json',
      line: 1,
    });
    expect(removed?.new).toMatchObject({ pointer: '/components/schemas/Pet', file: 'new.json' });
    // First met in GET /pets, whose result is an array of Pet.
    expect(removed?.subject).toBe('GET /pets 200');
    expect(removed?.message).toBe('field "[].tag" removed');
  });

  it('a field of a recursive schema is compared once, and the walk ends', async () => {
    const result = await diff((_b, a) => (a.components.schemas.Owner.properties.name.type = 'integer'));
    const changed = result.changes.filter((change) => change.rule === 'response-property-type-changed');
    expect(changed.map((change) => change.new?.pointer)).toEqual(['/components/schemas/Owner/properties/name']);
  });

  it('a renamed operationId is an SDK break even though the HTTP contract is the same', async () => {
    const result = await diff((_b, a) => (pets(a).get.operationId = 'findPets'));
    const breaking = result.changes.filter((change) => change.kind === 'breaking');
    expect(breaking.map((change) => change.level)).toEqual(['sdk', 'sdk', 'sdk']);
    expect(breaking.map((change) => change.message).sort()).toEqual([
      'client.pets.list() is now client.pets.find()',
      'type PetListParams no longer exported',
      'type PetListResponse no longer exported',
    ]);
    expect(result.changes.find((change) => change.level === 'http' && change.kind === 'breaking')).toBeUndefined();
  });

  it('a readOnly field added to a request schema is not a request change', async () => {
    const result = await diff((_b, a) => (newPet(a).properties.id = { type: 'string', readOnly: true }));
    expect(result.changes.map((change) => change.rule)).not.toContain('new-optional-request-property');
  });
});
