/** What one audit record holds is bounded (issue 22): keys per read, key length, bytes of the record. */
import { createHash } from 'node:crypto';
import { boundReads, MAX_KEY_CHARS } from './auditPlugin';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

test('a read within the bounds is kept as it is', () => {
  const reads = [{ type: 'Project', keys: ['A', 'B'], fields: ['name'] }];
  expect(boundReads(reads, { maxKeysPerRead: 5, maxRecordBytes: 64 * 1024 })).toEqual(reads);
});

test('a 900 KB key (a root field\'s arguments) is kept as its start, length and SHA-256; the list hash covers the original', () => {
  const key = JSON.stringify({ district: 'x'.repeat(900 * 1024) });
  const [read] = boundReads([{ type: 'Query', keys: [key], fields: ['projects'] }], { maxKeysPerRead: 1000, maxRecordBytes: 64 * 1024 });
  expect(read.keys[0].length).toBeLessThan(MAX_KEY_CHARS);
  expect(read.keys[0]).toContain(`${key.length} chars, sha256 ${sha256(key)}`);
  expect(read).toMatchObject({ keyCount: 1, keysSha256: sha256(JSON.stringify([key])) });
});

test('reads over AUDIT_MAX_RECORD_BYTES keep fewer keys (the largest read cut first) until the record fits', () => {
  const many = Array.from({ length: 1000 }, (_, i) => `2026-371302-47-01-${String(i).padStart(6, '0')}`);
  const few = ['W1', 'W2'];
  const out = boundReads(
    [{ type: 'Project', keys: many, fields: ['name'] }, { type: 'Worker', keys: few, fields: ['trade'] }],
    { maxKeysPerRead: 1000, maxRecordBytes: 4096 },
  );
  expect(Buffer.byteLength(JSON.stringify(out))).toBeLessThanOrEqual(4096);
  expect(out[0]).toMatchObject({ keyCount: 1000, keysSha256: sha256(JSON.stringify(many)) });
  expect(out[0].keys).toEqual(many.slice(0, out[0].keys.length));
  expect(out[1]).toEqual({ type: 'Worker', keys: few, fields: ['trade'] });
});
