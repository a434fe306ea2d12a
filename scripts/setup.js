#!/usr/bin/env node
'use strict';
// Does whatever setup is missing on this machine, and nothing more: installs the npm packages from
// the lockfile when node_modules is absent or older than the lockfile, and builds the embedded
// store (FerretDB) unless MONGODB_URI points at a running MongoDB. With --for-tests (npm's pretest)
// it also installs Debian's docker-compose, which the compose-file test runs (`docker-compose
// config`), and Debian's chromium, which the browser tests drive (test/browser), when they are
// missing, and builds the deployment pack's validators (helm, kubeconform: tools/build-validators.js)
// with Go. Once the npm packages are there it bundles the offline explorer (GraphiQL, esbuild) into
// the build directory when its inputs changed. Plain Node, no dependencies: it runs before
// `npm install` has.
const { execFileSync, spawnSync } = require('node:child_process');
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

function onPath(command) {
  return !spawnSync(command, ['--version'], { stdio: 'ignore' }).error;
}

/** apt-get as root, or through a sudo that needs no password; false when neither can run. */
function aptGet(args) {
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const [cmd, argv] = asRoot ? ['apt-get', args] : ['sudo', ['-n', 'apt-get', ...args]];
  const res = spawnSync(cmd, argv, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return !res.error && res.status === 0;
}

function ensureDockerCompose() {
  if (onPath('docker-compose')) return;
  if (!onPath('apt-get')) {
    log('docker-compose is missing and there is no apt-get: install docker-compose, or the compose-file test fails');
    return;
  }
  log('installing docker-compose (Debian package) for the compose-file test…');
  if (!(aptGet(['update', '-qq']) && aptGet(['install', '-y', '-qq', 'docker-compose']))) {
    log('could not install docker-compose (needs root or passwordless sudo): `apt-get install docker-compose`, or the compose-file test fails');
  }
}

/** The browser the browser tests drive: CHROMIUM_PATH, or Debian's chromium (installed when missing). */
function ensureChromium() {
  if (process.env.CHROMIUM_PATH) {
    if (fs.existsSync(process.env.CHROMIUM_PATH)) return;
    throw new Error(`CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist: point it at a Chromium or Chrome binary, or unset it to use Debian's chromium`);
  }
  if (onPath('chromium')) return;
  const how = 'the browser tests (test/browser) need Chromium: `apt-get install chromium` as root, or set CHROMIUM_PATH to a Chromium or Chrome binary';
  if (!onPath('apt-get')) throw new Error(`Chromium is missing and there is no apt-get: ${how}`);
  log('installing chromium (Debian package) for the browser tests…');
  if (!(aptGet(['update', '-qq']) && aptGet(['install', '-y', '-qq', 'chromium']) && onPath('chromium'))) {
    throw new Error(`could not install chromium with apt-get (needs root or passwordless sudo, and Debian's package lists): ${how}`);
  }
}

/** helm and kubeconform, built with Go at the versions of tools/<name>/go.mod, for the deployment pack's test. */
function ensureDeployValidators() {
  try {
    require(path.join(ROOT, 'tools', 'build-validators.js')).ensureValidators({ log });
  } catch (e) {
    // Not fatal here: every other test can run; test/platform/deploy.test.ts fails with this reason.
    log(`could not build the deployment validators: ${e && e.message ? e.message : e}`);
  }
}

async function main() {
  if (process.argv.includes('--for-tests')) {
    ensureDockerCompose();
    ensureChromium();
  }
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
  await require(path.join(ROOT, 'gateway', 'src', 'explorer', 'build.js')).ensureExplorerBuild({ log });
  if (process.argv.includes('--for-tests')) ensureDeployValidators();
  log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((e) => {
  process.stderr.write(`\n${e && e.message ? e.message : e}\n`);
  process.exit(1);
});
