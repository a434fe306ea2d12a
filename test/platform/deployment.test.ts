/** The deployment files stay valid and the committed supergraph is what composition gives. */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { composeSupergraph, listedSubgraphs, SUPERGRAPH_PATH } from '../../schema/compose';
import { ROOT_DIR } from '../../lib/config';

test('the committed supergraph equals a fresh composition (run `npm run compose`)', () => {
  expect(fs.readFileSync(SUPERGRAPH_PATH, 'utf8')).toBe(composeSupergraph());
});

test('docker-compose.yml is valid and runs MongoDB, the gateway and one service per subgraph', () => {
  const found = spawnSync('docker-compose', ['--version']);
  if (found.error) {
    throw new Error('docker-compose is not installed: `apt-get install docker-compose` (the pretest step of npm test installs it when it can: root or passwordless sudo)');
  }
  execFileSync('docker-compose', ['config', '-q'], { cwd: ROOT_DIR });
  const services = execFileSync('docker-compose', ['config', '--services'], { cwd: ROOT_DIR, encoding: 'utf8' }).trim().split('\n').sort();
  expect(services).toEqual(['gateway', 'mongodb', ...Object.keys(listedSubgraphs())].sort());
  const text = fs.readFileSync(path.join(ROOT_DIR, 'docker-compose.yml'), 'utf8');
  expect(text).toMatch(/image: mongo:7/);
  expect(text).toMatch(/condition: service_healthy/);
});
