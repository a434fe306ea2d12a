/** The month cache is reused while nothing was inserted, and recomputed as soon as something was. */
import { testStore } from '../../test/harness/db';
import { createHrssModels, ensureHrssIndexes } from './models';
import { WageFactsCache } from './wageFactsCache';

const store = testStore();
afterAll(() => store.closeAll());

const P = '2024-371302-47-01-A1B2C3';
const payLine = (serialNo: string, amountFen: number) => ({
  serialNo, workerId: 'W1', payeeName: '王建国', payeeAccount: '6217000012345678901', projectCode: P, district: '371302', month: '2026-10',
  amountFen, paidOn: '2026-11-10', payerAccount: '6228480000000000001', payerUscc: '91350100M000100Y43', payerUsccFlag: null, succeeded: true,
});

test('reuses the month while the collections are unchanged, recomputes after an insert', async () => {
  const conn = await store.connect('hrss', { monitorCommands: true });
  const models = createHrssModels(conn);
  await ensureHrssIndexes(models);
  await models.AttendanceBlock.create({ workerId: 'W1', projectCode: P, district: '371302', month: '2026-10', firstDate: '2026-10-01', days: '01,02,03' });
  await models.PayLine.create(payLine('S1', 30_000));
  let scans = 0;
  conn.getClient().on('commandStarted', (e) => {
    if (e.commandName === 'find' || e.commandName === 'aggregate') scans++;
  });
  const cache = new WageFactsCache(models, 300, 0);
  expect(await cache.monthIfCached('2026-10', '2026-11-20')).toBeNull();
  const first = await cache.month('2026-10', '2026-11-20');
  expect(first.get(P)).toEqual([{ workerId: 'W1', daysWorked: 3, dailyWageFen: null, paidFen: 30_000, employerUscc: null }]);
  const scansAfterFirst = scans;
  expect(await cache.month('2026-10', '2026-11-20')).toBe(first);
  expect(await cache.monthIfCached('2026-10', '2026-11-20')).toBe(first);
  expect(scans).toBe(scansAfterFirst);

  await models.PayLine.create(payLine('S2', 20_000));
  expect(await cache.monthIfCached('2026-10', '2026-11-20')).toBeNull();
  expect((await cache.month('2026-10', '2026-11-20')).get(P)?.[0].paidFen).toBe(50_000);
  expect(scans).toBeGreaterThan(scansAfterFirst);
});

test('a max age of 0 disables the cache', async () => {
  const conn = await store.connect('hrss2');
  const cache = new WageFactsCache(createHrssModels(conn), 0);
  await cache.month('2026-10', '2026-11-20');
  expect(await cache.monthIfCached('2026-10', '2026-11-20')).toBeNull();
});

test('back-to-back requests share one check of the collection counts', async () => {
  const conn = await store.connect('hrss_version', { monitorCommands: true });
  const models = createHrssModels(conn);
  await ensureHrssIndexes(models);
  await models.PayLine.create(payLine('S1', 30_000));
  let countChecks = 0;
  conn.getClient().on('commandStarted', (e) => {
    if (e.commandName === 'collStats' || e.commandName === 'count' || e.commandName === 'aggregate') countChecks++;
  });
  const cache = new WageFactsCache(models, 300, 60_000);
  await cache.month('2026-10', '2026-11-20');
  const afterFirst = countChecks;
  await Promise.all([1, 2, 3, 4, 5].map(() => cache.month('2026-10', '2026-11-20')));
  expect(countChecks).toBe(afterFirst);
});
