#!/usr/bin/env node
'use strict';
// `npm run build`: compiles the product's TypeScript (tsconfig.build.json: lib, gateway, subgraphs, adapters,
// domain, schema scripts, the deployment's scripts; no tests, no benchmarks) into dist/, then copies beside
// the compiled files the data files that code reads next to itself with __dirname (rules.json, costs.json,
// the HJ 212 tables, the SDL and catalogues for the schema scripts): tsc emits only the JSON files that are
// imported. Files found through ROOT_DIR (schema/, the supergraph, trusted manifests) are read from the
// project root, which lib/config.ts finds from dist/ as from the sources. dist/ is emptied first so that a
// file removed from the sources does not linger in the build. Plain CommonJS, no dependencies but tsc.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const OUT = path.join(ROOT, 'dist');
const SOURCE_DIRS = ['gateway', 'subgraphs', 'schema', 'adapters', 'domain', 'lib', 'scripts'];
const DATA_FILE = /\.(json|graphql|css)$/;

function copyDataFiles(dir) {
  let copied = 0;
  for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') copied += copyDataFiles(rel);
    } else if (DATA_FILE.test(entry.name)) {
      fs.mkdirSync(path.join(OUT, dir), { recursive: true });
      fs.copyFileSync(path.join(ROOT, rel), path.join(OUT, rel));
      copied += 1;
    }
  }
  return copied;
}

function build() {
  const started = Date.now();
  fs.rmSync(OUT, { recursive: true, force: true });
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc', { paths: [ROOT] }), '-p', path.join(ROOT, 'tsconfig.build.json')], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  const copied = SOURCE_DIRS.reduce((n, dir) => n + copyDataFiles(dir), 0);
  process.stderr.write(`[build] dist/ compiled, ${copied} data files copied, in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

try {
  build();
} catch (e) {
  process.stderr.write(`[build] failed: ${e && e.message ? e.message : e}\n`);
  process.exit(1);
}
