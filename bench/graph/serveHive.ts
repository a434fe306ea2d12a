/**
 * Child process: Hive Gateway (@graphql-hive/gateway's programmatic runtime) over the same
 * supergraph, for comparison. Fair settings: in-flight deduplication of subgraph requests off,
 * no landing page / GraphiQL, the caller's JWT verified here too (same key, issuer, audience and
 * algorithm as ours) and its Authorization header propagated to every subgraph, which verify it again.
 * With `rustPlanner` (the `hiveRust` variant) the same gateway plans with Hive Router's Rust query
 * planner (@graphql-hive/router-runtime's unifiedGraphHandler, a native addon) instead of its
 * JavaScript one; nothing else differs.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGatewayRuntime, createInlineSigningKeyProvider, useJWT, type GatewayPlugin } from '@graphql-hive/gateway';
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';
import { childConfig, runChild } from './childRuntime';
import type { GatewayChildConfig, GatewayInfo } from './serveOurs';

export type HiveChildConfig = GatewayChildConfig & { rustPlanner?: boolean };

runChild<GatewayInfo>('hive', async () => {
  const cfg = childConfig<HiveChildConfig>();
  const secure = !cfg.unsafeBenchmarkWithoutSecurity;
  const runtime = createGatewayRuntime({
    supergraph: cfg.supergraphSdl,
    ...(cfg.rustPlanner ? { unifiedGraphHandler } : {}),
    landingPage: false,
    graphiql: false,
    logging: 'error',
    transportEntries: { '*.http': { options: { deduplicateInflightRequests: false } } },
    propagateHeaders: {
      fromClientToSubgraphs: ({ request }) => ({
        authorization: request.headers.get('authorization'),
        'x-request-id': request.headers.get('x-request-id'),
      }),
    },
    plugins: () =>
      secure
        ? [
            // (cast: the JWT plugin is typed against its own copy of the logger types)
            useJWT({
              signingKeyProviders: [createInlineSigningKeyProvider(cfg.tokens.verifyKey!)], // the bench passes one PEM key (testTokenSettings),
              tokenVerification: { algorithms: [cfg.tokens.algorithm], issuer: cfg.tokens.issuer, audience: cfg.tokens.audience },
              reject: { missingToken: true, invalidToken: true },
            }) as unknown as GatewayPlugin,
          ]
        : [],
  });
  const server = http.createServer(runtime);
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    info: { url: `http://127.0.0.1:${port}/graphql` },
    async stop() {
      // The runtime does not stop by itself: close the server, then dispose the runtime.
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await runtime[Symbol.asyncDispose]();
    },
  };
});
