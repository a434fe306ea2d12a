/**
 * Node flags every Xietong service runs with: `npm start` (package.json), the Docker image
 * (`NODE_OPTIONS` in the Dockerfile) and the benchmark's children (bench/graph/children.ts). A test
 * (test/platform/deployment.test.ts) checks that the three agree.
 *
 * `--max-semi-space-size=64` (MB; Node 20's default is 16): a subgraph answering a 50-project list
 * allocates several MB per request, so with the default young generation V8 scavenged every few
 * requests and the main thread waited for it. Measured with bench/graph on 2026-12-03 (one run each,
 * `--variants ours,oursUnsecured --rounds 3 --seconds 8`): list 100.9 → 121.7 req/s secured, 134.2 →
 * 156.2 unsecured, one project unchanged (197.9 → 195.9); peak RSS of each child +30–80 MB.
 */
export const SERVICE_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=64'];
