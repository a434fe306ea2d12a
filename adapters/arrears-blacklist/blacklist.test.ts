/** `arrears-blacklist`: every rejection reason, removals update the entry, duplicates, and the Enterprise field. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { testStore } from '../../test/harness/db';
import { startSubgraph } from '../../test/harness/services';
import { bearer } from '../../test/harness/tokens';
import { ingestFile } from '../ingest';
import { createHrssModels } from '../../subgraphs/hrss/models';
import { listingInForce } from '../../subgraphs/hrss/models/blacklist';
import { hrssSubgraph } from '../../subgraphs/hrss/server';
import { csv, MISMATCH_USCC, VALID_USCC, writeCsv } from '../workers/fixtures';
import { arrearsBlacklistAdapter } from '.';
import { BLACKLIST_COLUMNS, parseBlacklistRow } from './record';

const store = testStore();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'blacklist-'));
afterAll(async () => {
  await store.closeAll();
  fs.rmSync(dir, { recursive: true, force: true });
});

const row = (over: Record<string, string> = {}): Record<string, string> => ({
  决定文书号: '临人社失信〔2025〕3号', 统一社会信用代码: VALID_USCC, 单位名称: '临沂宏达建设集团有限公司', 列入日期: '2025-03-01',
  列入事由: '拒不支付劳动报酬，经责令限期支付逾期未付', 移出日期: '', ...over,
});

test('a listing runs for the configured term unless removed early', () => {
  const listed = parseBlacklistRow(row(), 3).doc!;
  expect(listed).toMatchObject({ listedOn: '2025-03-01', expiresOn: '2028-03-01', removedOn: null, usccFlag: null });
  expect(listingInForce(listed, '2026-11-20')).toBe(true);
  expect(listingInForce(listed, '2028-03-01')).toBe(false);
  const removed = parseBlacklistRow(row({ 移出日期: '2026-06-30' }), 3).doc!;
  expect(listingInForce(removed, '2026-11-20')).toBe(false);
  expect(parseBlacklistRow(row({ 统一社会信用代码: MISMATCH_USCC }), 3).doc?.usccFlag).toMatch(/flagged/);
});

test.each([
  ['empty decision number', { 决定文书号: '' }, /决定文书号: is empty/],
  ['invalid credit code', { 统一社会信用代码: 'ABC' }, /统一社会信用代码: credit code must be 18/],
  ['empty name', { 单位名称: '' }, /单位名称: is empty/],
  ['malformed listing date', { 列入日期: '2025-02-29' }, /列入日期: .*not a calendar date/],
  ['empty reason', { 列入事由: '' }, /列入事由: is empty/],
  ['removal before listing', { 移出日期: '2024-01-01' }, /移出日期: removal 2024-01-01 is before listing/],
])('rejects %s', (_l, over, reason) => {
  expect(parseBlacklistRow(row(over as Record<string, string>), 3).reason).toMatch(reason);
});

test('ingests, updates on removal, is idempotent, and Enterprise.arrearsBlacklisting shows the listing in force to everyone', async () => {
  const conn = await store.connect('hrss');
  const listed = writeCsv(path.join(dir, 'listed.csv'), csv(BLACKLIST_COLUMNS, [row(), row({ 决定文书号: 'X', 列入日期: 'soon' })]), 'gb18030');
  expect(await ingestFile(arrearsBlacklistAdapter, listed, conn)).toMatchObject({ accepted: 1, rejected: 1 });
  const stored = await createHrssModels(conn).BlacklistEntry.find({}, { _id: 0 }).lean();
  expect(await ingestFile(arrearsBlacklistAdapter, listed, conn)).toMatchObject({ accepted: 0, duplicates: 1, updated: 0, rejected: 1 });
  expect(await createHrssModels(conn).BlacklistEntry.find({}, { _id: 0 }).lean()).toEqual(stored);

  const hrss = await startSubgraph(hrssSubgraph, conn);
  try {
    const q = (asOf: string) => request(hrss.url.replace(/\/graphql$/, '')).post('/graphql').set('authorization', bearer({ dept: 'public' })).send({
      query: 'query($r: [_Any!]!, $d: String) { _entities(representations: $r) { ... on Enterprise { uscc arrearsBlacklisting(asOf: $d) { decisionNo listedOn expiresOn removedOn } } } }',
      variables: { r: [{ __typename: 'Enterprise', uscc: VALID_USCC }, { __typename: 'Enterprise', uscc: MISMATCH_USCC }], d: asOf },
    });
    const before = await q('2026-11-20');
    expect(before.body.errors).toBeUndefined();
    expect(before.body.data._entities).toEqual([
      { uscc: VALID_USCC, arrearsBlacklisting: { decisionNo: '临人社失信〔2025〕3号', listedOn: '2025-03-01', expiresOn: '2028-03-01', removedOn: null } },
      { uscc: MISMATCH_USCC, arrearsBlacklisting: null },
    ]);
    const removal = writeCsv(path.join(dir, 'removed.csv'), csv(BLACKLIST_COLUMNS, [row({ 移出日期: '2026-06-30' })]));
    expect(await ingestFile(arrearsBlacklistAdapter, removal, conn)).toMatchObject({ updated: 1 });
    expect((await q('2026-11-20')).body.data._entities[0].arrearsBlacklisting).toBeNull();
    expect((await q('2026-06-29')).body.data._entities[0].arrearsBlacklisting.removedOn).toBe('2026-06-30');
  } finally {
    await hrss.stop();
  }
});
