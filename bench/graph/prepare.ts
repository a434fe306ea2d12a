/**
 * Before any load: every gateway variant answers both queries cleanly (ours and Hive with the same
 * data), the project of the one-project view is chosen (the one with the most data), and for each
 * query the busiest subgraph — the slowest on its own part of the query, sent to it directly — is
 * found; its part is the `direct` variant.
 */
import { assertClean, canonical, postGraphQL, probeLatency, projectsOf, type GraphQLBody } from './check';
import { LIST_SIZE, subgraphPart, type BuiltQueries } from './queries';
import { QUERIES, type QueryName } from './stats';
import type { TokenPool } from './tokens';

export interface Prepared {
  project: string;
  bodies: Record<QueryName, GraphQLBody>;
  direct: Record<QueryName, { subgraph: string; url: string; body: GraphQLBody; probeMedianMs: Record<string, number> }>;
}

const ROOT_FIELD: Record<QueryName, string> = { project: 'project', list: 'projects' };

export async function prepare(args: {
  built: BuiltQueries;
  subgraphUrls: Record<string, string>;
  gateways: { ours: string; hive: string; hiveRust: string; oursUnsecured: string };
  tokens: TokenPool;
  log(m: string): void;
}): Promise<Prepared> {
  const { built, gateways: g, tokens } = args;
  const listBody: GraphQLBody = { query: built.list, variables: { first: LIST_SIZE } };
  const listed = projectsOf(assertClean('ours, list query', await postGraphQL(g.ours, listBody, tokens.next()), 'projects'));
  const bodies: Record<QueryName, GraphQLBody> = { project: { query: built.project, variables: { code: listed.best } }, list: listBody };
  for (const q of QUERIES) {
    const a = assertClean(`ours, ${q} query`, await postGraphQL(g.ours, bodies[q], tokens.next()), ROOT_FIELD[q]);
    const h = assertClean(`hive, ${q} query`, await postGraphQL(g.hive, bodies[q], tokens.next()), ROOT_FIELD[q]);
    assertClean(`ours unsecured, ${q} query`, await postGraphQL(g.oursUnsecured, bodies[q], tokens.next()), ROOT_FIELD[q]);
    if (canonical(a) !== canonical(h)) throw new Error(`ours and Hive return different data for the ${q} query`);
    const r = assertClean(`hive (Rust planner), ${q} query`, await postGraphQL(g.hiveRust, bodies[q], tokens.next()), ROOT_FIELD[q]);
    if (canonical(a) !== canonical(r)) throw new Error(`ours and Hive with the Rust planner return different data for the ${q} query`);
  }

  const direct = {} as Prepared['direct'];
  for (const q of QUERIES) {
    const codes = q === 'project' ? [listed.best] : listed.codes;
    const probeMedianMs: Record<string, number> = {};
    const parts: Record<string, GraphQLBody> = {};
    for (const [s, url] of Object.entries(args.subgraphUrls)) {
      const isRoot = s === built.rootSubgraph;
      if (!isRoot && !(q === 'project' ? built.projectFields : built.listFields)[s]?.length) continue;
      const query = subgraphPart(built, q, s);
      parts[s] = isRoot
        ? { query, variables: bodies[q].variables }
        : { query, variables: { representations: codes.map((code) => ({ __typename: 'Project', code })) } };
      probeMedianMs[s] = await probeLatency(url, parts[s], isRoot ? ROOT_FIELD[q] : '_entities', tokens);
    }
    const busiest = Object.entries(probeMedianMs).sort((a, b) => b[1] - a[1])[0][0];
    direct[q] = { subgraph: busiest, url: args.subgraphUrls[busiest], body: parts[busiest], probeMedianMs };
    args.log(`${q}: busiest subgraph ${busiest} (median ms alone: ${JSON.stringify(probeMedianMs)})`);
  }
  return { project: listed.best, bodies, direct };
}
