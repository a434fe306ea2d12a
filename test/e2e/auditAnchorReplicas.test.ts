/**
 * Issue 22: two replicas of one subgraph appending to the same audit trail at once keep one valid
 * chain. Two child processes each run hrss (its real entry point, subgraphs/hrss/index.ts) on the same
 * database; concurrent cross-department reads go to both; then the trail verifies with no gap, both
 * replicas wrote to it, and the head hint (audit_head) names the last record.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT_DIR } from '../../lib/config';
import { AuditTrail, createAuditModel } from '../../subgraphs/common/audit';
import { testStore } from '../harness/db';
import { bearer, testTokenSettings } from '../harness/tokens';
import { waitUntil } from '../harness/wait';

const store = testStore();
const children: ChildProcessWithoutNullStreams[] = [];
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xietong-replicas-'));

afterAll(async () => {
  await Promise.all(
    children.map((c) => (c.exitCode !== null || c.signalCode !== null ? undefined : new Promise((resolve) => {
      c.once('exit', resolve);
      c.kill('SIGTERM');
    }))),
  );
  await store.closeAll();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Starts hrss as its own process on this file's hrss database; resolves with its URL. */
async function startReplica(): Promise<string> {
  const keys = testTokenSettings();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    MONGODB_URI: store.uri,
    MONGODB_DB_PREFIX: store.prefix,
    XIETONG_DATA_DIR: dataDir,
    HRSS_PORT: '0',
    JWT_PUBLIC_KEY: keys.verifyKey,
    JWT_PRIVATE_KEY: keys.signKey!,
    JWT_ISSUER: keys.issuer,
    JWT_AUDIENCE: keys.audience,
    // No gateway here: anchoring is not what this test is about.
    AUDIT_ANCHOR_SECONDS: '0',
    LOG_LEVEL: 'info',
  };
  const child = spawn(process.execPath, ['--import', 'tsx', 'subgraphs/hrss/index.ts'], { cwd: ROOT_DIR, env });
  children.push(child);
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  let url: string | undefined;
  await waitUntil(() => {
    if (child.exitCode !== null) throw new Error(`hrss replica exited with ${child.exitCode}:\n${out}`);
    url ??= /"url":"(http:[^"]+)"[^\n]*"msg":"hrss ready"|"msg":"hrss ready"[^\n]*"url":"(http:[^"]+)"/.exec(out)?.slice(1).find(Boolean);
    return url !== undefined;
  }, 'an hrss replica is ready', 120_000);
  return url!;
}

/** A cross-department read (housing reads hrss's Project fields by key) named after the replica it goes to. */
async function read(url: string, replica: string, i: number): Promise<void> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: bearer({ dept: 'housing' }) },
    body: JSON.stringify({
      operationName: `Read${replica}`,
      query: `query Read${replica}($r: [_Any!]!) { _entities(representations: $r) { ... on Project { __typename } } }`,
      variables: { r: [{ __typename: 'Project', code: `P-${replica}-${i}` }] },
    }),
  });
  const body = (await res.json()) as { data?: unknown; errors?: unknown };
  expect(body.errors).toBeUndefined();
}

test('two processes append to one trail at once: one chain, no gap, both replicas in it', async () => {
  const [a, b] = await Promise.all([startReplica(), startReplica()]);
  const perReplica = 60;
  for (let round = 0; round < 3; round++) {
    const batch: Promise<void>[] = [];
    for (let i = 0; i < perReplica / 3; i++) {
      const n = round * 100 + i;
      batch.push(read(a, 'A', n), read(b, 'B', n));
    }
    await Promise.all(batch);
  }

  const conn = await store.connect('hrss');
  const trail = new AuditTrail(createAuditModel(conn));
  const total = perReplica * 2;
  expect(await trail.verify()).toEqual({ ok: true, checked: total, brokenAt: null, reason: null });
  const records = await trail.records({}, 0);
  expect(records.map((r) => r.seq).sort((x, y) => x - y)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
  expect(records.filter((r) => r.operationName === 'ReadA')).toHaveLength(perReplica);
  expect(records.filter((r) => r.operationName === 'ReadB')).toHaveLength(perReplica);
  // Interleaved, not one replica after the other: each switch is a replica that found its cached head
  // taken by the other (duplicate seq), re-read the head and appended after it.
  const bySeq = [...records].sort((x, y) => x.seq - y.seq).map((r) => r.operationName);
  const switches = bySeq.filter((name, i) => i > 0 && name !== bySeq[i - 1]).length;
  expect(switches).toBeGreaterThanOrEqual(3);
  // A resolved reference with nothing but __typename asked is recorded as such (auditProbes.test.ts).
  expect(records[0].reads).toEqual([{ type: 'Project', keys: [expect.stringMatching(/^P-[AB]-\d+$/)], fields: ['__typename'] }]);
  // The hint follows the last record (each replica moves it forward after its inserts, never back).
  // (written just after the answers, so polled with a deadline).
  const last = { seq: total, hash: records.find((r) => r.seq === total)!.hash };
  const deadline = Date.now() + 10_000;
  while ((await trail.headHint())?.seq !== total && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  expect(await trail.headHint()).toEqual(last);
}, 240_000);
