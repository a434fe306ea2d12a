'use strict';
// Builds the deployment pack's offline validators from the Go module proxy, at the exact versions of
// tools/<name>/go.mod + go.sum (`tool` directives), into <XIETONG_BUILD_DIR>/tools/<name>/<name>:
// helm (`helm lint --strict`, `helm template`) and kubeconform (the rendered chart against the JSON schemas
// vendored in deploy/schemas/). Run by scripts/setup.js --for-tests; test/platform/deploy.test.ts uses them.
// Rebuilds a tool only when its go.mod or go.sum changes (their SHA-256 is the stamp). Plain CommonJS with no
// dependencies: setup runs it before `npm install` has.
const { createHash } = require('node:crypto');
const { execFileSync, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const BUILD_DIR = process.env.XIETONG_BUILD_DIR ? path.resolve(process.env.XIETONG_BUILD_DIR) : path.join(ROOT, '.build');

/** name → Go package of its command, and the version stamped into it (the one go.mod pins). */
const TOOLS = {
  helm: { pkg: 'helm.sh/helm/v4/cmd/helm', versionVar: 'helm.sh/helm/v4/internal/version.version', module: 'helm.sh/helm/v4' },
  kubeconform: { pkg: 'github.com/yannh/kubeconform/cmd/kubeconform', versionVar: 'main.version', module: 'github.com/yannh/kubeconform' },
};

function sourceDir(name) {
  return path.join(__dirname, name);
}

function binaryPath(name) {
  return path.join(BUILD_DIR, 'tools', name, name);
}

function sourceHash(name) {
  const h = createHash('sha256');
  for (const f of ['go.mod', 'go.sum']) {
    h.update(f + '\0');
    h.update(fs.readFileSync(path.join(sourceDir(name), f)));
  }
  return h.digest('hex');
}

function isBuildCurrent(name) {
  const stamp = binaryPath(name) + '.sha256';
  return fs.existsSync(binaryPath(name)) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8').trim() === sourceHash(name);
}

function findGo() {
  const candidates = process.env.GO_BINARY ? [process.env.GO_BINARY] : ['go', '/usr/local/go/bin/go'];
  return candidates.find((c) => spawnSync(c, ['version'], { stdio: 'ignore' }).status === 0) ?? null;
}

/** The version go.mod requires of the tool's module, e.g. v4.3.2. */
function pinnedVersion(name) {
  const mod = fs.readFileSync(path.join(sourceDir(name), 'go.mod'), 'utf8');
  const m = new RegExp(`^\\s*${TOOLS[name].module.replace(/[.]/g, '\\.')} (v\\S+)`, 'm').exec(mod);
  return m ? m[1] : 'unknown';
}

/** Builds each validator whose sources changed; returns { name: { binary, built, seconds } }. Throws without Go. */
function ensureValidators({ log = (m) => process.stderr.write(m + '\n') } = {}) {
  const result = {};
  for (const name of Object.keys(TOOLS)) {
    const binary = binaryPath(name);
    if (isBuildCurrent(name)) {
      result[name] = { binary, built: false, seconds: 0 };
      continue;
    }
    const go = findGo();
    if (!go) throw new Error(`the deployment pack's validators (${name}) are built with Go (>= 1.26, from the Go module proxy): install Go, or the deploy test fails`);
    const started = Date.now();
    log(`[validators] building ${name} ${pinnedVersion(name)} with ${go} (first time: a few minutes)…`);
    fs.mkdirSync(path.dirname(binary), { recursive: true });
    const { pkg, versionVar } = TOOLS[name];
    execFileSync(go, ['build', '-trimpath', '-ldflags', `-s -w -X ${versionVar}=${pinnedVersion(name)}`, '-o', binary, pkg], {
      cwd: sourceDir(name),
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, CGO_ENABLED: '0', GOFLAGS: '-mod=readonly -buildvcs=false' },
    });
    fs.writeFileSync(binary + '.sha256', sourceHash(name) + '\n');
    const seconds = (Date.now() - started) / 1000;
    log(`[validators] ${name} built in ${seconds.toFixed(1)} s → ${path.relative(ROOT, binary)}`);
    result[name] = { binary, built: true, seconds };
  }
  return result;
}

module.exports = { ensureValidators, binaryPath, TOOLS };

if (require.main === module) {
  try {
    ensureValidators();
  } catch (e) {
    process.stderr.write(String(e && e.message ? e.message : e) + '\n');
    process.exit(1);
  }
}
