/**
 * npm run quarantine -- <dept> [--source S] [--since T] [--json] [--retry]
 * Lists a department's rejected records (newest first) with where they were and why; --json prints
 * one JSON object per record. --retry ingests them again through the current adapters (after a
 * parser, mapping or configuration change) and removes those that now pass, printing the counts
 * (JSON with --json). Exit 0, 2 on a usage error, 1 on a failure.
 */
import { DEPARTMENTS, type Department } from '../lib/config';
import { listQuarantine, retryQuarantine, type QuarantineFilter } from '../adapters/common/quarantineRetry';
import { connectSilo, openStore } from '../adapters/store/connection';

const USAGE = 'usage: npm run quarantine -- <department> [--source S] [--since 2026-12-01T00:00:00Z] [--json] [--retry]';

function usage(message?: string): never {
  if (message) process.stderr.write(`${message}\n\n`);
  process.stderr.write(`${USAGE}\n\ndepartments: ${DEPARTMENTS.join(', ')}\n`);
  process.exit(2);
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  if (v === undefined || v.startsWith('--')) usage(`${name} needs a value`);
  return v;
}

/** What a person can read of a raw record: text as is, bytes as base64 said so, long ones cut. */
function shown(raw: string, rawEncoding?: string, truncated?: { length: number; unit: string; sha256: string }): string {
  const text = rawEncoding === 'base64' ? `(bytes, base64) ${raw}` : raw.replace(/\r?\n/g, '⏎');
  const cut = text.length > 160 ? `${text.slice(0, 160)}…` : text;
  return truncated ? `${cut} [truncated: ${truncated.length} ${truncated.unit}, sha256 ${truncated.sha256.slice(0, 16)}…]` : cut;
}

async function main() {
  const args = process.argv.slice(2);
  if (args.includes('--help')) usage();
  const json = args.includes('--json');
  const retry = args.includes('--retry');
  const source = option(args, '--source');
  const sinceText = option(args, '--since');
  const valued = new Set(['--source', '--since']);
  const positional = args.filter((a, i) => !a.startsWith('--') && !valued.has(args[i - 1]));
  if (positional.length !== 1) usage('expected one department');
  const dept = positional[0] as Department;
  if (!DEPARTMENTS.includes(dept)) usage(`unknown department "${dept}"`);
  const since = sinceText === undefined ? undefined : new Date(sinceText);
  if (since && Number.isNaN(since.getTime())) usage(`--since "${sinceText}" is not a date or time (ISO 8601)`);
  const filter: QuarantineFilter = { source, since };

  const store = await openStore({ log: (m) => process.stderr.write(m + '\n') });
  const conn = await connectSilo(store.uri, dept);
  try {
    if (retry) {
      const counts = await retryQuarantine(conn, dept, filter);
      if (json) process.stdout.write(JSON.stringify(counts) + '\n');
      else {
        process.stdout.write(`${dept} quarantine retried: ${counts.retried}, now pass (removed): ${counts.passed}, still rejected: ${counts.stillRejected}, not retryable: ${counts.skipped}\n`);
        for (const [s, c] of Object.entries(counts.bySource)) {
          process.stdout.write(`  ${s}: ${c.retried} retried, ${c.passed} pass, ${c.stillRejected} still rejected, ${c.skipped} not retryable\n`);
        }
      }
      return;
    }
    let n = 0;
    for await (const r of listQuarantine(conn, filter)) {
      n++;
      if (json) {
        process.stdout.write(JSON.stringify(r) + '\n');
        continue;
      }
      const seen = r.seenCount > 1 ? ` (seen ${r.seenCount} times)` : '';
      process.stdout.write(`${r.lastSeenAt.toISOString()} ${r.source} ${r.where}${seen}\n  reason: ${r.reason}\n  raw: ${shown(r.raw, r.rawEncoding, r.truncated)}\n`);
    }
    if (!json) process.stdout.write(`${n} record(s) in the ${dept} quarantine${source ? ` from ${source}` : ''}${since ? ` since ${since.toISOString()}` : ''}\n`);
  } finally {
    await conn.close();
    await store.release();
  }
}

main().catch((e) => {
  process.stderr.write(`quarantine failed: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
