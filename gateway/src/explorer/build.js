'use strict';
// Builds the offline explorer (GraphiQL from npm, with React and Monaco's workers) with esbuild into
// <XIETONG_BUILD_DIR>/explorer, which the gateway serves from its own origin: government networks are
// often air-gapped, so nothing may come from a CDN. Run by scripts/setup.js after the npm packages are
// installed. Rebuilds only when an input changes: the SHA-256 of the lockfile and of this folder's
// sources is the stamp. No source maps: the page must not ask for anything the gateway does not serve.
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..', '..');
const BUILD_DIR = process.env.XIETONG_BUILD_DIR ? path.resolve(process.env.XIETONG_BUILD_DIR) : path.join(ROOT, '.build');
const OUT_DIR = path.join(BUILD_DIR, 'explorer');
const STAMP = path.join(OUT_DIR, 'build.sha256');
const SOURCES = [path.join(ROOT, 'package-lock.json'), __filename, path.join(__dirname, 'client.js'), path.join(__dirname, 'explorer.css')];

/** Monaco's language services run in workers: one bundle each, loaded by client.js by label. */
const WORKERS = {
  editor: 'monaco-editor/esm/vs/editor/editor.worker.js',
  json: 'monaco-editor/esm/vs/language/json/json.worker.js',
  graphql: 'monaco-graphql/esm/graphql.worker.js',
};

function inputsHash() {
  const h = createHash('sha256');
  for (const file of SOURCES) {
    h.update(path.basename(file) + '\0');
    h.update(fs.readFileSync(file));
  }
  return h.digest('hex');
}

function explorerBuildCurrent() {
  return fs.existsSync(STAMP) && fs.readFileSync(STAMP, 'utf8').trim() === inputsHash();
}

async function buildExplorer() {
  const esbuild = require('esbuild');
  const tmp = `${OUT_DIR}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  const common = {
    absWorkingDir: ROOT,
    bundle: true,
    minify: true,
    sourcemap: false,
    legalComments: 'none',
    target: ['es2022'],
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
  };
  // One file for the page (no code splitting: esbuild would not load the CSS of lazily imported
  // chunks, and Monaco imports its CSS from the modules GraphiQL loads lazily).
  await esbuild.build({
    ...common,
    entryPoints: { explorer: path.join(__dirname, 'client.js') },
    format: 'esm',
    outdir: tmp,
    loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file', '.svg': 'dataurl', '.png': 'dataurl' },
    // Only for subscriptions over WebSocket, which Xietong has none of: never loaded.
    external: ['graphql-ws'],
  });
  await esbuild.build({
    ...common,
    entryPoints: Object.fromEntries(Object.entries(WORKERS).map(([name, entry]) => [`${name}.worker`, require.resolve(entry, { paths: [ROOT] })])),
    format: 'iife',
    outdir: tmp,
  });
  // Swap in the new build whole, so that a running gateway never serves half of one.
  fs.writeFileSync(path.join(tmp, 'build.sha256'), inputsHash() + '\n');
  fs.rmSync(OUT_DIR, { recursive: true, force: true });
  fs.renameSync(tmp, OUT_DIR);
}

/** Builds the explorer unless its build is current; `log` reports progress (setup's logger). */
async function ensureExplorerBuild({ log = () => undefined } = {}) {
  if (explorerBuildCurrent()) return;
  const started = Date.now();
  log('building the offline explorer (GraphiQL bundle, esbuild)…');
  await buildExplorer();
  log(`explorer built in ${((Date.now() - started) / 1000).toFixed(1)} s (${path.relative(ROOT, OUT_DIR)})`);
}

module.exports = { ensureExplorerBuild, explorerBuildCurrent, EXPLORER_BUILD_DIR: OUT_DIR };

if (require.main === module) {
  ensureExplorerBuild({ log: (m) => process.stderr.write(`[explorer] ${m}\n`) }).catch((e) => {
    process.stderr.write(`${e && e.message ? e.message : e}\n`);
    process.exit(1);
  });
}
