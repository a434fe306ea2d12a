'use strict';
// Builds the embedded store (FerretDB wrapper, adapters/store/ferretdb) with Go into .build/ferretdb.
// Plain CommonJS with no dependencies: setup runs it before `npm install` has happened.
// Rebuilds only when the wrapper's sources (main.go, go.mod, go.sum) change: their SHA-256 is the stamp.
const { createHash } = require('node:crypto');
const { execFileSync, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

// The project root: the nearest folder above this file holding a package.json (compiled into dist/ by
// `npm run build`, a fixed '../..' would point into dist/).
function findRoot(from) {
  for (let d = from; ; d = path.dirname(d)) {
    if (fs.existsSync(path.join(d, 'package.json'))) return d;
    if (path.dirname(d) === d) return path.resolve(from, '..', '..');
  }
}
const ROOT = findRoot(__dirname);
const SOURCE_DIR = path.join(__dirname, 'ferretdb');
const SOURCES = ['main.go', 'go.mod', 'go.sum'];
const BUILD_DIR = process.env.XIETONG_BUILD_DIR
  ? path.resolve(process.env.XIETONG_BUILD_DIR)
  : path.join(ROOT, '.build');
const BINARY = path.join(BUILD_DIR, 'ferretdb', 'xietong-ferretdb');
const STAMP = BINARY + '.sha256';

const NO_GO_MESSAGE =
  'Xietong needs a MongoDB-compatible store. Either set MONGODB_URI to a running MongoDB ' +
  '(e.g. MONGODB_URI=mongodb://localhost:27017), or install Go >= 1.22 (https://go.dev/dl/, ' +
  'or `apt-get install golang` on Debian 13+) so that the embedded store (FerretDB v1.24 on SQLite) ' +
  'can be built from the Go module proxy on first start. `go` was not found on PATH ' +
  '(also looked in /usr/local/go/bin).';

function sourceHash() {
  const h = createHash('sha256');
  for (const f of SOURCES) {
    h.update(f + '\0');
    h.update(fs.readFileSync(path.join(SOURCE_DIR, f)));
  }
  return h.digest('hex');
}

function findGo() {
  // GO_BINARY names the one Go to use; otherwise PATH, then the official tarball's location.
  const candidates = process.env.GO_BINARY ? [process.env.GO_BINARY] : ['go', '/usr/local/go/bin/go'];
  for (const c of candidates) {
    const r = spawnSync(c, ['version'], { encoding: 'utf8' });
    if (r.status === 0) return c;
  }
  return null;
}

/** True when the binary exists and was built from the current sources. */
function isBuildCurrent() {
  return fs.existsSync(BINARY) && fs.existsSync(STAMP) && fs.readFileSync(STAMP, 'utf8').trim() === sourceHash();
}

/**
 * Ensures the FerretDB wrapper binary is built from the current sources.
 * Returns { binary, built, seconds }. Throws an Error with NO_GO_MESSAGE when Go is missing.
 */
function ensureFerretBuild({ log = (m) => process.stderr.write(m + '\n') } = {}) {
  if (isBuildCurrent()) return { binary: BINARY, built: false, seconds: 0 };
  const go = findGo();
  if (!go) {
    const err = new Error(NO_GO_MESSAGE);
    err.code = 'XIETONG_NO_GO';
    throw err;
  }
  const started = Date.now();
  log('[store] building the embedded store (FerretDB v1.24 wrapper) with ' + go + ' — first time takes a few minutes…');
  fs.mkdirSync(path.dirname(BINARY), { recursive: true });
  execFileSync(go, ['build', '-trimpath', '-o', BINARY, '.'], {
    cwd: SOURCE_DIR,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, CGO_ENABLED: process.env.CGO_ENABLED ?? '0' },
  });
  fs.writeFileSync(STAMP, sourceHash() + '\n');
  const seconds = (Date.now() - started) / 1000;
  log(`[store] embedded store built in ${seconds.toFixed(1)} s → ${path.relative(ROOT, BINARY)}`);
  return { binary: BINARY, built: true, seconds };
}

module.exports = { ensureFerretBuild, isBuildCurrent, BINARY, NO_GO_MESSAGE };

if (require.main === module) {
  try {
    const r = ensureFerretBuild();
    if (!r.built) process.stderr.write('[store] embedded store build is current\n');
  } catch (e) {
    process.stderr.write(String(e && e.message ? e.message : e) + '\n');
    process.exit(1);
  }
}
