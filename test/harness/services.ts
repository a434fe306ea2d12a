/**
 * Starts subgraphs and the gateway on port 0 against the test store, in-process; every service
 * returns { url, stop }. The supergraph is composed in-process from the SDL files, so a test sees
 * the schema as it is in the working tree, with the URLs of the subgraphs it started.
 */
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import type { Connection } from 'mongoose';
import request from 'supertest';
import { createGateway } from '../../gateway/src/server';
import { createSubgraphServer, loadSubgraphSdl, type SubgraphDefinition, type SubgraphServer, type SubgraphServerOptions } from '../../subgraphs/common/createSubgraph';
import type { SubgraphName } from '../../lib/config';
import { testTokenSettings } from './tokens';

export interface Started {
  url: string;
  stop(): Promise<void>;
}

export async function startSubgraph<D>(
  def: SubgraphDefinition<D>,
  connection: Connection,
  options: Partial<SubgraphServerOptions> = {},
): Promise<Started & Pick<SubgraphServer, 'audit'>> {
  const server = await createSubgraphServer(def, { connection, tokens: testTokenSettings(), ...options });
  const running = await server.listen(0);
  return { url: running.url, audit: server.audit, stop: () => server.stop() };
}

export function composeFor(subgraphs: Record<string, string>): string {
  const result = composeServices(
    Object.entries(subgraphs).map(([name, url]) => ({ name, url, typeDefs: parse(loadSubgraphSdl(name as SubgraphName)) })),
  );
  if (result.errors) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.supergraphSdl;
}

export interface GatewayHandle extends Started {
  /** POSTs a GraphQL operation with the given Authorization header value. */
  query(query: string, variables?: Record<string, unknown>, authorization?: string): Promise<request.Response>;
}

export async function startGateway(subgraphs: Record<string, string>): Promise<GatewayHandle> {
  const gateway = await createGateway({ tokens: testTokenSettings(), supergraphSdl: composeFor(subgraphs) });
  const running = await gateway.listen(0);
  return {
    url: running.url,
    stop: () => gateway.stop(),
    query(query, variables, authorization) {
      const r = request(running.url.replace(/\/graphql$/, '')).post('/graphql').send({ query, variables });
      return authorization ? r.set('authorization', authorization) : r;
    },
  };
}
