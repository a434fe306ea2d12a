/**
 * npm run ingest -- <source> <file> [--json] [--encoding utf8|gb18030]
 * Prints records read, accepted / duplicates / updated / rejected, warnings and conflicts (JSON with
 * --json). Exit 0 when nothing was rejected, 3 when some records were rejected (accepted ones are kept
 * either way) or the file held no records (empty, header only), 2 on a usage error, 1 on a failure.
 * Uses the store `npm start` is running on the same XIETONG_DATA_DIR, MONGODB_URI, or starts the
 * embedded store for the duration of the run.
 */
import fs from 'node:fs';
import { adapterFor, allAdapters } from '../adapters/registry';
import { ingestFile } from '../adapters/ingest';
import { checkAccounting } from '../adapters/common/sink';
import { connectSilo, openStore } from '../adapters/store/connection';

function usage(message?: string): never {
  if (message) process.stderr.write(`${message}\n\n`);
  process.stderr.write('usage: npm run ingest -- <source> <file> [--json] [--encoding utf8|gb18030]\n\nsources:\n');
  for (const a of allAdapters()) process.stderr.write(`  ${a.source.padEnd(18)} ${a.department.padEnd(12)} ${a.description}\n`);
  process.exit(2);
}

async function main() {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const encIdx = args.indexOf('--encoding');
  const encoding = encIdx >= 0 ? args[encIdx + 1] : undefined;
  if (encoding !== undefined && encoding !== 'utf8' && encoding !== 'gb18030') usage(`--encoding must be utf8 or gb18030, got "${encoding}"`);
  const positional = args.filter((a, i) => !a.startsWith('--') && (encIdx < 0 || i !== encIdx + 1));
  if (args.includes('--help') || positional.length !== 2) usage(positional.length ? 'expected a source and a file' : undefined);
  const [source, file] = positional;
  const adapter = adapterFor(source);
  if (!adapter) usage(`unknown source "${source}"`);
  if (!fs.existsSync(file)) usage(`no such file: ${file}`);

  const store = await openStore({ log: (m) => process.stderr.write(m + '\n') });
  const conn = await connectSilo(store.uri, adapter.department);
  const tty = process.stderr.isTTY && !json;
  const started = Date.now();
  try {
    const report = await ingestFile(adapter, file, conn, {
      encoding: encoding as 'utf8' | 'gb18030' | undefined,
      onProgress: tty
        ? (r) => process.stderr.write(`\r${source}: ${r.read} read, ${r.accepted} accepted, ${r.duplicates} duplicates, ${r.updated} updated, ${r.rejected} rejected…`)
        : undefined,
    });
    if (tty) process.stderr.write('\n');
    const seconds = (Date.now() - started) / 1000;
    if (json) {
      process.stdout.write(JSON.stringify({ ...report, seconds }) + '\n');
    } else {
      const extra = [report.warnings ? `, ${report.warnings} warnings` : '', report.conflicts ? `, ${report.conflicts} conflicts` : ''].join('');
      process.stdout.write(`${source} ${file}: ${report.read} read: ${report.accepted} accepted, ${report.duplicates} duplicates, ${report.updated} updated, ${report.rejected} rejected${extra} (${seconds.toFixed(1)} s)\n`);
      if (report.empty) process.stdout.write(`  no records: ${report.empty}\n`);
      for (const r of report.reasons.slice(0, 50)) process.stdout.write(`  rejected ${r.where}: ${r.reason}\n`);
      if (report.reasons.length > 50) process.stdout.write(`  … ${report.rejected - 50} more (all kept in the ${adapter.department} quarantine collection; npm run quarantine -- ${adapter.department})\n`);
      for (const w of report.warningSamples.slice(0, 20)) process.stdout.write(`  warning ${w.where}: ${w.reason}\n`);
      for (const c of report.conflictSamples.slice(0, 20)) process.stdout.write(`  conflict ${c.where}: ${c.reason}\n`);
    }
    // A mismatch is a bug of the adapter, said loudly rather than hidden in the counts.
    const mismatch = checkAccounting(report);
    if (mismatch) process.stderr.write(`${source}: ${mismatch}\n`);
    process.exitCode = report.rejected > 0 || report.empty || mismatch ? 3 : 0;
  } finally {
    await conn.close();
    await store.release();
  }
}

main().catch((e) => {
  process.stderr.write(`ingest failed: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
