/**
 * The scale-out pack (deploy/helm/xietong) checked offline, as npm test runs it: `helm lint --strict`, the rendered
 * manifests against the Kubernetes schemas vendored in deploy/schemas (kubeconform, strict), and what the chart must
 * say — per service a Deployment, Service, HPA and PodDisruptionBudget, the committed supergraph, a NetworkPolicy
 * per subgraph letting in only the gateway, a replica set per silo, majority writes, probes, non-root pods, no
 * secret in the chart. Plus the image's and the compose files' facts. helm and kubeconform are built from the Go
 * module proxy by `node scripts/setup.js --for-tests` (npm's pretest) at the versions of tools/<name>/go.mod.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseAllDocuments, parse as parseYaml } from 'yaml';
import { ROOT_DIR, SUBGRAPH_NAMES } from '../../lib/config';
import { binaryPath } from '../../tools/build-validators';
import { KINDS, fileName } from '../../deploy/schemas/generate';

const CHART = path.join(ROOT_DIR, 'deploy', 'helm', 'xietong');
const SCHEMAS = path.join(ROOT_DIR, 'deploy', 'schemas');

interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  data?: Record<string, string>;
}

function tool(name: 'helm' | 'kubeconform'): string {
  const bin = binaryPath(name);
  if (!fs.existsSync(bin)) throw new Error(`${bin} is missing: run \`node scripts/setup.js --for-tests\` (npm test's pretest builds it with Go from tools/${name})`);
  return bin;
}

function run(bin: string, args: string[], input?: string): { status: number | null; out: string } {
  const r = spawnSync(bin, args, { cwd: ROOT_DIR, input, encoding: 'utf8', env: { ...process.env, HELM_CACHE_HOME: helmHome, HELM_CONFIG_HOME: helmHome, HELM_DATA_HOME: helmHome } });
  if (r.error) throw r.error;
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

let helmHome: string;
let rendered: string;
let manifests: Manifest[];

beforeAll(() => {
  helmHome = fs.mkdtempSync(path.join(os.tmpdir(), 'xietong-helm-'));
  const r = run(tool('helm'), ['template', 'xietong', CHART, '--namespace', 'xietong']);
  if (r.status !== 0) throw new Error(`helm template failed:\n${r.out}`);
  rendered = r.out;
  manifests = parseAllDocuments(rendered).map((d) => d.toJS() as Manifest).filter((m) => m && m.kind);
});

afterAll(() => fs.rmSync(helmHome, { recursive: true, force: true }));

const named = (kind: string, name: string) => manifests.find((m) => m.kind === kind && m.metadata.name === name);
const componentOf = (m: Manifest) => m.metadata.labels?.['app.kubernetes.io/component'];

describe('the Helm chart', () => {
  test('passes helm lint --strict', () => {
    const r = run(tool('helm'), ['lint', '--strict', CHART]);
    expect(r.out).toMatch(/1 chart\(s\) linted, 0 chart\(s\) failed/);
    expect(r.status).toBe(0);
  });

  test("refuses values its schema does not allow (values.schema.json): a misspelt key, an even replica set", () => {
    for (const [set, why] of [['subgraphs.hrss.replica=2', /additional properties 'replica' not allowed/], ['mongodb.members=2', /mongodb\/members/]] as const) {
      const r = run(tool('helm'), ['template', 'xietong', CHART, '--set', set]);
      expect(r.status).not.toBe(0);
      expect(r.out).toMatch(why);
    }
  });

  test('renders only kinds with a vendored schema, and every vendored schema is of a rendered kind', () => {
    const rendered = new Set(manifests.map((m) => `${m.apiVersion} ${m.kind}`));
    const vendored = new Set(KINDS.map(([g, v, k]) => `${g ? `${g}/${v}` : v} ${k}`));
    expect([...rendered].sort()).toEqual([...vendored].sort());
    expect(fs.readdirSync(SCHEMAS).filter((f) => f.endsWith('.json')).sort()).toEqual(KINDS.map(fileName).sort());
  });

  test('is valid against the Kubernetes schemas (kubeconform, strict, offline)', () => {
    const r = run(tool('kubeconform'), ['-strict', '-summary', '-schema-location', path.join(SCHEMAS, '{{ .ResourceKind }}{{ .KindSuffix }}.json'), '-'], rendered);
    expect(r.out).toMatch(new RegExp(`Summary: ${manifests.length} resources found .* - Valid: ${manifests.length}, Invalid: 0, Errors: 0, Skipped: 0`));
    expect(r.status).toBe(0);
  });

  test('with databases run elsewhere (mongodb.enabled=false), still valid, with no replica set and egress to those databases', () => {
    const r = run(tool('helm'), ['template', 'xietong', CHART, '--set', 'mongodb.enabled=false', '--set', 'networkPolicy.externalDatabases[0].ipBlock.cidr=10.20.0.0/24']);
    expect(r.status).toBe(0);
    const docs = parseAllDocuments(r.out).map((d) => d.toJS() as Manifest).filter((m) => m && m.kind);
    expect(docs.filter((m) => m.kind === 'StatefulSet' || m.kind === 'Job')).toEqual([]);
    const np = docs.find((m) => m.kind === 'NetworkPolicy' && m.metadata.name === 'xietong-hrss')!;
    expect(np.spec.egress[0].to).toEqual([{ ipBlock: { cidr: '10.20.0.0/24' } }]);
    const v = run(tool('kubeconform'), ['-strict', '-summary', '-schema-location', path.join(SCHEMAS, '{{ .ResourceKind }}{{ .KindSuffix }}.json'), '-'], r.out);
    expect(v.out).toMatch(/Invalid: 0, Errors: 0, Skipped: 0/);
    expect(v.status).toBe(0);
  });

  test('kubeconform with these schemas refuses a misspelt field and a wrong type', () => {
    const deployment = named('Deployment', 'xietong-gateway')!;
    const misspelt = { ...deployment, spec: { ...deployment.spec, replica: 2 } };
    const wrongType = { ...deployment, spec: { ...deployment.spec, revisionHistoryLimit: 'five' } };
    for (const bad of [misspelt, wrongType]) {
      const r = run(tool('kubeconform'), ['-strict', '-schema-location', path.join(SCHEMAS, '{{ .ResourceKind }}{{ .KindSuffix }}.json'), '-'], JSON.stringify(bad));
      expect(r.status).not.toBe(0);
      expect(r.out).toMatch(/is invalid/);
    }
  });

  test('gives the gateway and each subgraph a Deployment, Service, HorizontalPodAutoscaler and PodDisruptionBudget', () => {
    for (const service of ['gateway', ...SUBGRAPH_NAMES]) {
      for (const kind of ['Deployment', 'Service', 'HorizontalPodAutoscaler', 'PodDisruptionBudget']) {
        expect([kind, service, named(kind, `xietong-${service}`) !== undefined]).toEqual([kind, service, true]);
      }
      const hpa = named('HorizontalPodAutoscaler', `xietong-${service}`)!;
      expect(hpa.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: `xietong-${service}` });
      expect(hpa.spec.maxReplicas).toBeGreaterThan(hpa.spec.minReplicas);
      // The HPA owns the replica count: a Deployment that also sets it would be reset at every upgrade.
      expect(named('Deployment', `xietong-${service}`)!.spec.replicas).toBeUndefined();
    }
  });

  test('runs compiled JavaScript, non-root, with probes on /health and /ready', () => {
    const deployments = manifests.filter((m) => m.kind === 'Deployment' && componentOf(m) !== 'hj212');
    expect(deployments).toHaveLength(SUBGRAPH_NAMES.length + 1);
    for (const d of deployments) {
      const pod = d.spec.template.spec;
      expect(pod.securityContext.runAsNonRoot).toBe(true);
      expect(pod.securityContext.runAsUser).toBeGreaterThan(0);
      for (const c of pod.containers) {
        expect(c.command[0]).toBe('node');
        expect(c.command[1]).toMatch(/^dist\/.*\.js$/);
        expect(JSON.stringify(c)).not.toMatch(/tsx/);
        expect(c.securityContext.allowPrivilegeEscalation).toBe(false);
        expect(c.livenessProbe.httpGet.path).toBe('/health');
        expect(c.readinessProbe.httpGet.path).toBe('/ready');
      }
    }
  });

  test('serves the committed supergraph from a ConfigMap, and its copy in the chart is the committed file', () => {
    const committed = fs.readFileSync(path.join(ROOT_DIR, 'schema', 'supergraph.graphql'), 'utf8');
    expect(fs.readFileSync(path.join(CHART, 'files', 'supergraph.graphql'), 'utf8')).toBe(committed); // cp schema/supergraph.graphql deploy/helm/xietong/files/
    const cm = named('ConfigMap', 'xietong-supergraph')!;
    expect(cm.data!['supergraph.graphql'].trimEnd()).toBe(committed.trimEnd());
    const gateway = named('Deployment', 'xietong-gateway')!.spec.template.spec;
    const env = Object.fromEntries(gateway.containers[0].env.map((e: { name: string; value?: string }) => [e.name, e.value]));
    expect(env.SUPERGRAPH_PATH).toBe('/etc/xietong/supergraph.graphql');
    expect(gateway.volumes).toContainEqual({ name: 'supergraph', configMap: { name: 'xietong-supergraph' } });
    for (const name of SUBGRAPH_NAMES) expect(env[`SUBGRAPH_URL_${name.toUpperCase()}`]).toMatch(new RegExp(`^http://xietong-${name}:\\d+/graphql$`));
  });

  test('lets into each subgraph only the gateway, and out only its own database, DNS and the gateway', () => {
    const selects = (peer: any, component: string) => peer.podSelector?.matchLabels?.['app.kubernetes.io/component'] === component; // eslint-disable-line @typescript-eslint/no-explicit-any
    for (const name of SUBGRAPH_NAMES) {
      const np = named('NetworkPolicy', `xietong-${name}`)!;
      expect(np.spec.podSelector.matchLabels['app.kubernetes.io/component']).toBe(name);
      expect(np.spec.policyTypes).toEqual(['Ingress', 'Egress']);
      const from = np.spec.ingress.flatMap((r: { from: unknown[] }) => r.from);
      expect(from.length).toBe(1);
      expect(selects(from[0], 'gateway')).toBe(true);
      const to = np.spec.egress.flatMap((r: { to: unknown[] }) => r.to);
      expect(to).toHaveLength(3);
      expect(to.filter((p: unknown) => selects(p, `mongodb-${name}`))).toHaveLength(1);
      expect(to.filter((p: unknown) => selects(p, 'gateway'))).toHaveLength(1);
      const dns = np.spec.egress.find((r: { ports: { port: number }[] }) => r.ports.every((p) => p.port === 53));
      expect(dns.to[0].namespaceSelector.matchLabels).toEqual({ 'kubernetes.io/metadata.name': 'kube-system' });
      // No rule without a peer (that would be "anywhere").
      for (const rule of [...np.spec.ingress, ...np.spec.egress]) expect((rule.from ?? rule.to).length).toBeGreaterThan(0);
    }
  });

  test('runs a MongoDB replica set per silo, and the subgraphs write critical records with w: majority', () => {
    for (const name of SUBGRAPH_NAMES) {
      const set = named('StatefulSet', `xietong-mongodb-${name}`)!;
      expect(set.spec.replicas).toBe(3);
      expect(set.spec.template.spec.containers[0].args).toEqual(expect.arrayContaining(['--replSet', name, '--keyFile']));
      expect(set.spec.template.spec.securityContext.runAsNonRoot).toBe(true);
      expect(named('Service', `xietong-mongodb-${name}`)!.spec.clusterIP).toBe('None');
      const init = named('Job', `xietong-mongodb-${name}-init`)!;
      expect(JSON.stringify(init.spec.template.spec.containers[0].command)).toMatch(/rs\.initiate/);
      const np = named('NetworkPolicy', `xietong-mongodb-${name}`)!;
      const from = np.spec.ingress.flatMap((r: { from: any[] }) => r.from).map((p: any) => p.podSelector.matchLabels['app.kubernetes.io/component']); // eslint-disable-line @typescript-eslint/no-explicit-any
      expect(from.sort()).toEqual([name, `mongodb-${name}`, `mongodb-${name}-init`, ...(name === 'environment' ? ['hj212'] : [])].sort());

      const env = named('Deployment', `xietong-${name}`)!.spec.template.spec.containers[0].env as { name: string; value?: string; valueFrom?: any }[]; // eslint-disable-line @typescript-eslint/no-explicit-any
      expect(env.find((e) => e.name === 'CRITICAL_WRITE_CONCERN')?.value).toBe('majority');
      expect(env.find((e) => e.name === 'MONGODB_URI')?.valueFrom.secretKeyRef).toEqual({ name: `xietong-mongodb-uri-${name}`, key: 'uri' });
    }
  });

  test('runs the HJ 212 listener on its own pods, writing into the environment silo and nowhere else', () => {
    const pod = named('Deployment', 'xietong-hj212')!.spec.template.spec;
    expect(pod.containers[0].command).toEqual(['node', 'dist/adapters/hj212/listen.js']);
    expect(pod.securityContext.runAsNonRoot).toBe(true);
    expect(pod.containers[0].env.find((e: { name: string }) => e.name === 'MONGODB_URI').valueFrom.secretKeyRef.name).toBe('xietong-mongodb-uri-environment');
    const np = named('NetworkPolicy', 'xietong-hj212')!;
    const to = np.spec.egress.flatMap((r: { to: any[] }) => r.to); // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(to.filter((p: any) => p.podSelector?.matchLabels?.['app.kubernetes.io/component'] === 'mongodb-environment')).toHaveLength(1); // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(to).toHaveLength(2); // the environment silo's members and DNS
    expect(named('Service', 'xietong-hj212')!.spec.ports[0].port).toBe(9212);
    expect(named('PodDisruptionBudget', 'xietong-hj212')).toBeDefined();
  });

  test('gives every service exactly one source of verification keys, a PEM by default or a JWK Set for rotation', () => {
    const sources = (docs: Manifest[]) => docs.filter((m) => m.kind === 'Deployment' && componentOf(m) !== 'hj212').map((d) => d.spec.template.spec.containers[0].env.filter((e: { name: string }) => /^JWT_(PUBLIC_KEY|JWKS|KEYS_DIR)/.test(e.name)));
    for (const s of sources(manifests)) expect(s).toEqual([{ name: 'JWT_PUBLIC_KEY_FILE', value: '/run/xietong-keys/jwt-public.pem' }]);
    const r = run(tool('helm'), ['template', 'xietong', CHART, '--set', 'verificationKeys.JWT_PUBLIC_KEY_FILE=null', '--set', 'verificationKeys.JWT_JWKS_FILE=/run/xietong-keys/jwks.json']);
    expect(r.status).toBe(0);
    const jwks = sources(parseAllDocuments(r.out).map((d) => d.toJS() as Manifest).filter((m) => m && m.kind));
    expect(jwks).toHaveLength(SUBGRAPH_NAMES.length + 1);
    for (const s of jwks) expect(s).toEqual([{ name: 'JWT_JWKS_FILE', value: '/run/xietong-keys/jwks.json' }]);
  });

  test('references secrets and holds none', () => {
    expect(manifests.filter((m) => m.kind === 'Secret')).toEqual([]);
    expect(rendered).not.toMatch(/BEGIN [A-Z ]*PRIVATE KEY/);
    // A secret setting comes from a Secret (valueFrom) or a mounted file (…_FILE), never as a literal value.
    const containers = manifests.flatMap((m) => m.spec?.template?.spec?.containers ?? []) as { env?: { name: string; value?: string }[] }[];
    const literal = containers.flatMap((c) => c.env ?? []).filter((e) => /(SECRET|PASSWORD|PRIVATE_KEY|URI)$/.test(e.name) && e.value !== undefined);
    expect(literal).toEqual([]);
    expect(containers.flatMap((c) => c.env ?? []).filter((e) => /SECRET|PASSWORD|URI$/.test(e.name)).length).toBeGreaterThan(0);
  });
});

describe('the Docker image', () => {
  const dockerfile = fs.readFileSync(path.join(ROOT_DIR, 'Dockerfile'), 'utf8');
  const stages = dockerfile.split(/^FROM /m).slice(1);
  const runtime = stages[stages.length - 1];

  test('builds with npm run build in a build stage and runs compiled JavaScript as a non-root user, without tsx', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(stages.some((s) => /^RUN npm run build$/m.test(s))).toBe(true);
    const users = [...runtime.matchAll(/^USER (\S+)/gm)].map((m) => m[1]);
    expect(users.length).toBeGreaterThan(0);
    expect(users[users.length - 1]).not.toMatch(/^(root|0)(:|$)/);
    const start = [...runtime.matchAll(/^(CMD|ENTRYPOINT) (.*)$/gm)].map((m) => m[2]);
    expect(start.length).toBeGreaterThan(0);
    for (const s of start) {
      expect(s).not.toMatch(/tsx|\.ts"/);
      expect(JSON.parse(s)).toEqual(['node', expect.stringMatching(/^dist\/.*\.js$/)]);
    }
    // The project root of compiled code is the folder with package.json (lib/config.ts): /app, holding schema/.
    expect(runtime).toMatch(/^WORKDIR \/app$/m);
    expect(runtime).toMatch(/^COPY package\.json /m);
    expect(runtime).toMatch(/^COPY schema \.\/schema$/m);
    // Production dependencies only: the runtime's node_modules come from an install without dev dependencies.
    const deps = /COPY --from=(\S+) \/app\/node_modules/.exec(runtime);
    expect(deps).not.toBeNull();
    const depsStage = stages.find((s) => new RegExp(`AS ${deps![1]}\\s`).test(s.split('\n')[0] + '\n'))!;
    expect(depsStage).toMatch(/npm (install|ci) .*--omit=dev/);
  });

  test('tsx and typescript are devDependencies, which the runtime stage does not install (build.test.ts: no compiled file needs them)', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT_DIR, 'package.json'), 'utf8'));
    expect(pkg.dependencies.tsx).toBeUndefined();
    expect(pkg.dependencies.typescript).toBeUndefined();
  });
});

describe('the compose files', () => {
  const env = { ...process.env, WORKER_PSEUDONYM_SECRET: 'compose-config-check' };
  const config = (files: string[]) => parseYaml(execFileSync('docker-compose', [...files.flatMap((f) => ['-f', f]), 'config'], { cwd: ROOT_DIR, env, encoding: 'utf8' }));

  test('run every Node service from the image with node on compiled JavaScript', () => {
    const services = config(['docker-compose.yml']).services as Record<string, { command?: string[]; image?: string; build?: unknown }>;
    for (const [name, s] of Object.entries(services)) {
      if (name === 'mongodb') continue;
      expect([name, s.command?.[0], s.command?.[1]]).toEqual([name, 'node', expect.stringMatching(/^dist\/.*\.js$/)]);
      expect(s.image).toBe('xietong:local');
    }
  });

  test('docker-compose.replica.yml runs MongoDB as a three-member replica set, and the services write with w: majority', () => {
    const services = config(['docker-compose.yml', 'docker-compose.replica.yml']).services as Record<string, { command?: string[]; environment?: Record<string, string>; depends_on?: Record<string, { condition: string }> }>;
    for (const member of ['mongodb', 'mongodb-2', 'mongodb-3']) expect(services[member].command).toEqual(expect.arrayContaining(['--replSet', 'xietong']));
    expect(services['mongodb-init'].command!.join(' ')).toMatch(/rs\.initiate/);
    for (const name of [...SUBGRAPH_NAMES, 'hj212']) {
      expect(services[name].environment!.MONGODB_URI).toMatch(/^mongodb:\/\/mongodb:27017,mongodb-2:27017,mongodb-3:27017\/\?replicaSet=xietong$/);
      expect(services[name].environment!.CRITICAL_WRITE_CONCERN).toBe('majority');
      expect(services[name].depends_on!['mongodb-init']).toEqual({ condition: 'service_completed_successfully' });
    }
  });
});

describe("joint's case file under CRITICAL_WRITE_CONCERN", () => {
  // Imported here: the store is needed by this block only.
  const { testStore } = require('../harness/db') as typeof import('../harness/db');
  const { caseModels } = require('../../subgraphs/joint/cases/models') as typeof import('../../subgraphs/joint/cases/models');
  const store = testStore();
  const saved = process.env.CRITICAL_WRITE_CONCERN;
  afterAll(async () => {
    if (saved === undefined) delete process.env.CRITICAL_WRITE_CONCERN;
    else process.env.CRITICAL_WRITE_CONCERN = saved;
    await store.closeAll();
  });

  test('sends w: majority with the journal on every write of a link, a case, a number and a request; nothing when unset', async () => {
    const conn = await store.connect('joint', { monitorCommands: true });
    const sent: { name: string; writeConcern?: unknown }[] = [];
    conn.getClient().on('commandStarted', (e) => {
      if (['insert', 'update', 'findAndModify'].includes(e.commandName)) sent.push({ name: e.commandName, writeConcern: e.command.writeConcern });
    });
    process.env.CRITICAL_WRITE_CONCERN = 'majority';
    let m = caseModels(conn);
    await m.Link.create({ caseId: 'C1', seq: 1, kind: 'event', body: '{}', prevHash: '0', hash: 'h1' });
    await m.Counter.findOneAndUpdate({ _id: 'case-2026' }, { $inc: { value: 1 } }, { upsert: true });
    await m.Request.create({ _id: 'joint:s:k', operation: 'openCase', argsHash: 'a', status: 'pending', result: null, createdAt: new Date() });
    await m.Request.updateOne({ _id: 'joint:s:k' }, { $set: { status: 'done' } });
    expect(sent.map((s) => s.name)).toEqual(['insert', 'findAndModify', 'insert', 'update']);
    for (const s of sent) expect(s.writeConcern).toEqual({ w: 'majority', j: true, wtimeout: 10_000 });

    sent.length = 0;
    delete process.env.CRITICAL_WRITE_CONCERN;
    m = caseModels(conn);
    await m.Link.create({ caseId: 'C1', seq: 2, kind: 'event', body: '{}', prevHash: 'h1', hash: 'h2' });
    expect(sent).toHaveLength(1);
    expect(sent[0].writeConcern).toBeUndefined();
  });
});
