#!/usr/bin/env node
'use strict';
// Does whatever setup is missing on this machine, and nothing more: installs the npm packages from
// the lockfile when node_modules is absent or older than the lockfile, and builds the embedded
// store (FerretDB) unless MONGODB_URI points at a running MongoDB. Plain Node, no dependencies:
// it runs before `npm install` has.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const started = Date.now();

function log(message) {
  process.stderr.write(`[setup] ${message}\n`);
}

function npmPackagesCurrent() {
  const marker = path.join(ROOT, 'node_modules', '.package-lock.json');
  const lock = path.join(ROOT, 'package-lock.json');
  return fs.existsSync(marker) && fs.statSync(marker).mtimeMs >= fs.statSync(lock).mtimeMs;
}

try {
  if (!npmPackagesCurrent()) {
    // `npm install` installs exactly the locked versions. Not `npm ci`: npm 11.19 writes lockfiles
    // without the other platforms' optional bindings of unrs-resolver (a jest dependency) and then
    // refuses them in `npm ci` ("Missing: @unrs/resolver-binding-… from lock file").
    log('installing npm packages from package-lock.json…');
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    execFileSync(npm, ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: ROOT, stdio: 'inherit' });
  }
  if (process.env.MONGODB_URI) {
    log('MONGODB_URI is set: the embedded store is not built');
  } else {
    require(path.join(ROOT, 'adapters', 'store', 'build-ferretdb.js')).ensureFerretBuild({ log });
  }
  log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} catch (e) {
  process.stderr.write(`\n${e && e.message ? e.message : e}\n`);
  process.exit(1);
}
