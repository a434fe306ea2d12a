/**
 * External developers read the error codes in docs/error-codes.md (issue 21); a code added to
 * lib/errors.ts without a row there would reach clients undocumented.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ErrorCode } from './errors';

test('every stable error code has its row in docs/error-codes.md', () => {
  const doc = fs.readFileSync(path.join(__dirname, '..', 'docs', 'error-codes.md'), 'utf8');
  const rows = new Set([...doc.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]));
  const missing = Object.values(ErrorCode).filter((code) => !rows.has(code));
  expect(missing).toEqual([]);
});
