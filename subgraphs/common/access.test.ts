/** The catalogue enforcement on a small schema, executed directly (the per-department HTTP matrices live beside each subgraph). */
import { buildSchema, graphql } from 'graphql';
import type { Caller } from '../../lib/auth/claims';
import { enforceCatalog, ReadLog } from './access';
import type { Catalog } from './catalog';
import type { MaskSettings } from './masking';

const mask: MaskSettings = { idKeepFirst: 6, idKeepLast: 4, phoneKeepFirst: 3, phoneKeepLast: 4, accountKeepLast: 4, nameKeepFirst: 1 };
const catalog: Catalog = {
  subgraph: 'hrss',
  keys: { Worker: 'workerId' },
  fields: {
    'Query.worker': { level: 'OPEN' },
    'Worker.workerId': { level: 'OPEN' },
    'Worker.name': { level: 'OPEN', personal: 'name', purposes: ['wage-enforcement'] },
    'Worker.idNumber': { level: 'CONDITIONAL', personal: 'idNumber', purposes: ['wage-enforcement'] },
    'Worker.bankAccount': { level: 'OWNER_ONLY', personal: 'bankAccount' },
  },
};
const schema = enforceCatalog(
  buildSchema('type Query { worker: Worker } type Worker { workerId: String! name: String idNumber: String bankAccount: String secret: String }'),
  catalog,
  mask,
);
const worker = { workerId: 'W1', name: '欧阳娜', idNumber: '11010519491231002X', bankAccount: '6217000012345678901', secret: 's' };

async function run(caller: Caller, fields = 'workerId name idNumber bankAccount') {
  const reads = new ReadLog();
  const r = await graphql({ schema, source: `{ worker { ${fields} } }`, rootValue: { worker }, contextValue: { caller, reads } });
  return { data: r.data as { worker: Record<string, unknown> }, errors: (r.errors ?? []).map((e) => ({ path: e.path?.join('.'), ...e.extensions }) as Record<string, unknown>), reads: reads.toReads() };
}
const caller = (dept: Caller['dept'], purposes: string[] = []): Caller => ({ sub: 'u', dept, roles: [], purposes });

test('the owner sees everything in clear and leaves no audit reads', async () => {
  const r = await run(caller('hrss'));
  expect(r.data.worker).toEqual({ workerId: 'W1', name: '欧阳娜', idNumber: '11010519491231002X', bankAccount: '6217000012345678901' });
  expect(r.errors).toEqual([]);
  expect(r.reads).toEqual([]);
});

test('another department without the purpose: OPEN masked, CONDITIONAL and OWNER_ONLY null with FORBIDDEN naming field and purpose', async () => {
  const r = await run(caller('citymgmt'));
  expect(r.data.worker).toEqual({ workerId: 'W1', name: '欧**', idNumber: null, bankAccount: null });
  expect(r.errors).toEqual([
    expect.objectContaining({ path: 'worker.idNumber', code: 'FORBIDDEN', field: 'Worker.idNumber', requiredPurposes: ['wage-enforcement'] }),
    expect.objectContaining({ path: 'worker.bankAccount', code: 'FORBIDDEN', field: 'Worker.bankAccount', level: 'OWNER_ONLY' }),
  ]);
  expect(r.reads).toEqual([{ type: 'Query', keys: [], fields: ['worker'] }, { type: 'Worker', keys: ['W1'], fields: ['name', 'workerId'] }]);
});

test('another department with the purpose: CONDITIONAL in clear, OWNER_ONLY still denied', async () => {
  const r = await run(caller('joint', ['wage-enforcement']));
  expect(r.data.worker).toEqual({ workerId: 'W1', name: '欧阳娜', idNumber: '11010519491231002X', bankAccount: null });
  expect(r.errors.map((e) => e.field)).toEqual(['Worker.bankAccount']);
});

test('public callers: purposes in a public token unlock nothing', async () => {
  const plain = await run(caller('public'));
  const withPurpose = await run(caller('public', ['wage-enforcement']));
  expect(withPurpose.data).toEqual(plain.data);
  expect(withPurpose.data.worker).toEqual({ workerId: 'W1', name: '欧**', idNumber: null, bankAccount: null });
});

test('a field missing from the catalogue fails closed', async () => {
  const r = await run(caller('housing', ['wage-enforcement']), 'workerId secret');
  expect(r.data.worker.secret).toBeNull();
  expect(r.errors).toEqual([expect.objectContaining({ field: 'Worker.secret', level: 'OWNER_ONLY' })]);
});
