/**
 * Trusted documents through the real gateway (a demo city, every subgraph, tokens verified): enforce
 * and log modes, documentId alone or with its text, GET, refusals with their codes; the manifests'
 * checks; the registered operations as schema-coordinate usage data.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse, validate } from 'graphql';
import request from 'supertest';
import { Supergraph } from '@apollo/federation-internals';
import { startSystem, type SystemHandle } from '../../test/harness/system';
import { composeFor } from '../../test/harness/services';
import { bearer, testTokenSettings } from '../../test/harness/tokens';
import { createGateway, type Gateway } from './server';
import { DEFAULT_TRUSTED_DOCUMENTS_DIR, documentIdOf, loadManifests, manifestFor } from './trustedDocumentsManifest';
import { schemaCoordinatesUsed, touchesUsedCoordinate } from './trustedDocumentsUsage';
import type { TrustedDocumentsMode } from './trustedDocuments';

const APP = 'housing-inspection';
const manifest = loadManifests().get(APP)!;
const [listId, cardId] = Object.keys(manifest.documents);
const listText = manifest.documents[listId];
const UNREGISTERED = '{ projects(first: 1) { totalCount } }';

let system: SystemHandle;
const gateways: Gateway[] = [];
const origins: Partial<Record<TrustedDocumentsMode, string>> = {};

beforeAll(async () => {
  system = await startSystem({ projects: 3, monitoringDays: 1 });
  const supergraphSdl = composeFor(system.subgraphUrls);
  for (const mode of ['enforce', 'log'] as const) {
    const gateway = await createGateway({ tokens: testTokenSettings(), supergraphSdl, trustedDocuments: { mode } });
    gateways.push(gateway);
    origins[mode] = (await gateway.listen(0)).url.replace(/\/graphql$/, '');
  }
}, 180_000);
afterAll(async () => {
  await Promise.all(gateways.map((g) => g.stop()));
  await system?.stop();
});

const appCaller = bearer({ dept: 'housing', app: APP, purposes: ['planning-supervision'] });
const post = (mode: TrustedDocumentsMode, body: unknown, authorization = appCaller) =>
  request(origins[mode]!).post('/graphql').set('authorization', authorization).send(body as object);

describe('TRUSTED_DOCUMENTS=enforce', () => {
  test('the application runs a registered document by documentId alone: the gateway fills in the text', async () => {
    const r = await post('enforce', { documentId: listId, variables: { first: 2 } });
    expect(r.status).toBe(200);
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.projects.totalCount).toBe(3);
    expect(r.body.data.projects.edges).toHaveLength(2);
  });

  test('…and by its full text, with or without the documentId', async () => {
    const code = system.city.projects[0].code;
    const card = await post('enforce', { query: manifest.documents[cardId], variables: { code } });
    expect(card.body.errors).toBeUndefined();
    expect(card.body.data.project.code).toBe(code);
    const both = await post('enforce', { documentId: listId, query: listText, variables: { first: 1 } });
    expect(both.body.data.projects.edges).toHaveLength(1);
  });

  test('GET with documentId', async () => {
    const r = await request(origins.enforce!)
      .get('/graphql')
      .query({ documentId: listId, variables: JSON.stringify({ first: 1 }) })
      .set('authorization', appCaller)
      .set('apollo-require-preflight', 'true');
    expect(r.status).toBe(200);
    expect(r.body.data.projects.edges).toHaveLength(1);
  });

  test('an unregistered document is refused with 403 DOCUMENT_NOT_REGISTERED naming the application and the id', async () => {
    const r = await post('enforce', { query: UNREGISTERED });
    expect(r.status).toBe(403);
    expect(r.body.data).toBeUndefined();
    expect(r.body.errors[0].extensions).toEqual({ code: 'DOCUMENT_NOT_REGISTERED', application: APP, documentId: documentIdOf(UNREGISTERED) });
    expect(r.body.errors[0].message).toMatch(/Application "housing-inspection" has not registered this document/);
    // One character more is another document.
    const edited = await post('enforce', { query: `${listText} `, variables: { first: 1 } });
    expect(edited.status).toBe(403);
  });

  test('an application without a manifest runs nothing; a token naming no application (a person, a tool) is not held to a manifest', async () => {
    const unknownApp = await post('enforce', { documentId: listId, variables: { first: 1 } }, bearer({ dept: 'citymgmt', app: 'hotline-desk' }));
    expect(unknownApp.status).toBe(403);
    expect(unknownApp.body.errors[0].extensions).toMatchObject({ code: 'DOCUMENT_NOT_REGISTERED', application: 'hotline-desk' });
    expect(unknownApp.body.errors[0].message).toMatch(/has no manifest of trusted documents/);
    const person = await post('enforce', { query: UNREGISTERED }, bearer({ dept: 'housing' }));
    expect(person.status).toBe(200);
    expect(person.body.data.projects.totalCount).toBe(3);
  });

  test('developers and testers keep arbitrary documents', async () => {
    for (const role of ['developer', 'tester']) {
      const r = await post('enforce', { query: UNREGISTERED }, bearer({ dept: 'public', roles: [role] }));
      expect(r.status).toBe(200);
      expect(r.body.data.projects.totalCount).toBe(3);
    }
  });

  test('an unknown documentId is PERSISTED_QUERY_NOT_FOUND; a documentId that is not its text, or malformed, is BAD_USER_INPUT', async () => {
    const tester = bearer({ dept: 'public', roles: ['tester'] });
    const unknownId = documentIdOf('{ nothing }');
    const unknown = await post('enforce', { documentId: unknownId }, tester);
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].extensions).toEqual({ code: 'PERSISTED_QUERY_NOT_FOUND', documentId: unknownId });
    const mismatch = await post('enforce', { documentId: listId, query: UNREGISTERED }, tester);
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/not the SHA-256 of the "query"/) });
    const malformed = await post('enforce', { documentId: 'md5:abc' }, tester);
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors[0].message).toMatch(/"documentId" must be "sha256:"/);
  });

  test('an automatic persisted query hash that names no registered document is refused, so no cache can launder a document', async () => {
    // A tester's full query with its APQ hash puts it into Apollo's cache…
    const hash = documentIdOf(UNREGISTERED).slice('sha256:'.length);
    const extensions = { persistedQuery: { version: 1, sha256Hash: hash } };
    const seeded = await post('enforce', { query: UNREGISTERED, extensions }, bearer({ dept: 'public', roles: ['tester'] }));
    expect(seeded.body.data.projects.totalCount).toBe(3);
    // …but the application cannot run it by hash.
    const r = await post('enforce', { extensions });
    expect(r.status).toBe(400);
    expect(r.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  test('no token is still 401 before any document is looked at', async () => {
    const r = await request(origins.enforce!).post('/graphql').send({ documentId: listId });
    expect(r.status).toBe(401);
    expect(r.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});

describe('TRUSTED_DOCUMENTS=log', () => {
  async function counted(): Promise<number> {
    const text = (await request(origins.log!).get('/metrics')).text;
    const line = text.split('\n').find((l) => l.startsWith('xietong_unregistered_documents_total{application="housing-inspection",mode="log"}'));
    return line ? Number(line.split(' ').pop()) : 0;
  }

  test('an unregistered document runs and is counted; a registered one is not counted', async () => {
    const before = await counted();
    const r = await post('log', { query: UNREGISTERED });
    expect(r.status).toBe(200);
    expect(r.body.data.projects.totalCount).toBe(3);
    expect(await counted()).toBe(before + 1);
    await post('log', { documentId: listId, variables: { first: 1 } });
    expect(await counted()).toBe(before + 1);
  });
});

describe('manifests', () => {
  test('every shipped manifest is valid against the composed API schema', () => {
    const api = Supergraph.build(fs.readFileSync(path.join(DEFAULT_TRUSTED_DOCUMENTS_DIR, '..', 'supergraph.graphql'), 'utf8')).apiSchema().toGraphQLJSSchema();
    const manifests = loadManifests();
    expect(manifests.size).toBeGreaterThan(0);
    for (const m of manifests.values()) {
      for (const [id, text] of Object.entries(m.documents)) expect({ id, errors: validate(api, parse(text)).map((e) => e.message) }).toEqual({ id, errors: [] });
    }
  });

  test('a manifest whose id is not the SHA-256 of its text, or named after another application, stops loading with the file and the id', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trusted-'));
    try {
      const good = manifestFor('app-one', ['{ __typename }']);
      const [id] = Object.keys(good.documents);
      fs.writeFileSync(path.join(dir, 'app-one.json'), JSON.stringify({ ...good, documents: { [id]: '{ __typename  }' } }));
      expect(() => loadManifests(dir)).toThrow(new RegExp(`app-one\\.json: document ${id} does not match its text`));
      fs.writeFileSync(path.join(dir, 'app-one.json'), JSON.stringify({ ...good, application: 'app-two' }));
      expect(() => loadManifests(dir)).toThrow(/must be named app-two\.json/);
      fs.writeFileSync(path.join(dir, 'app-one.json'), JSON.stringify(good));
      expect(loadManifests(dir).get('app-one')?.documents[id]).toBe('{ __typename }');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('usage data for the breaking-change gate', () => {
  const api = Supergraph.build(fs.readFileSync(path.join(DEFAULT_TRUSTED_DOCUMENTS_DIR, '..', 'supergraph.graphql'), 'utf8')).apiSchema().toGraphQLJSSchema();

  test('the coordinates the registered operations use: fields, arguments, types, input fields and enum values', () => {
    const extra = manifestFor('wage-desk', ['query($f: ProjectFilter) { projects(filter: $f, first: 1) { edges { node { code } } } complaints(filter: { category: DUST }) { totalCount } }']);
    const used = schemaCoordinatesUsed([manifest, extra], api);
    for (const c of ['Query.project', 'Query.project(code:)', 'Project.complaintCount', 'ConstructionPermit.permitNo', 'Project', 'ProjectFilter', 'ComplaintFilter.category', 'ComplaintCategory.DUST']) {
      expect({ c, used: used.has(c) }).toEqual({ c, used: true });
    }
    expect([...used.get('Query.projects')!.applications].sort()).toEqual(['housing-inspection', 'wage-desk']);
    expect(used.has('Project.wageStatus')).toBe(false);
  });

  test('touchesUsedCoordinate reads schema coordinates and graphql-inspector paths', () => {
    const used = schemaCoordinatesUsed([manifest], api);
    expect(touchesUsedCoordinate(used, 'Query.project.code')).toBe(true); // an argument, inspector's path
    expect(touchesUsedCoordinate(used, 'Query.project')).toBe(true);
    expect(touchesUsedCoordinate(used, 'ConstructionPermit')).toBe(true); // a type whose fields are used
    expect(touchesUsedCoordinate(used, 'Project.wageStatus')).toBe(false);
    expect(touchesUsedCoordinate(used, 'Query.worker')).toBe(false);
  });
});
