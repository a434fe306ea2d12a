/**
 * The contract suite: checks any deployment through its public surface — the gateway URL, and the
 * subgraph URLs when given (each subgraph is called directly, as any client on its network could).
 * Used by `npm run contract -- --url …` (run.ts) and by the tests on a local system.
 */
import { ENTITIES } from './entities';
import { gatewayChecks } from './gatewayChecks';
import { post } from './http';
import { Checks, type CheckResult } from './results';
import { subgraphChecks } from './subgraphChecks';

export type { CheckResult } from './results';

export interface ContractTarget {
  gatewayUrl: string;
  /** A valid token for the deployment; with every purpose, so that the entity checks read every field. */
  token: string;
  /** Subgraph name → URL, for the per-subgraph checks (none: gateway checks only). */
  subgraphs?: Record<string, string>;
  /** A token of the deployment's issuer whose expiry has passed (the suite holds no signing key). */
  expiredToken?: string;
  /** Entity type → real keys, added to those the gateway lists (needed for Worker: no query lists workers). */
  keys?: Record<string, string[]>;
}

/** Real keys of every entity, found through the gateway (and given by the tester). */
async function knownKeys(target: ContractTarget): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const spec of ENTITIES) {
    const keys = [...(target.keys?.[spec.type] ?? [])];
    if (spec.sample) {
      const r = await post(target.gatewayUrl, { query: spec.sample.query }, `Bearer ${target.token}`).catch(() => undefined);
      const found = r?.json?.data ? spec.sample.keys(r.json.data) : [];
      for (const k of found) if (typeof k === 'string' && k !== '') keys.push(k);
    }
    out.set(spec.type, [...new Set(keys)]);
  }
  return out;
}

export async function runContract(target: ContractTarget): Promise<CheckResult[]> {
  const checks = new Checks();
  await gatewayChecks(checks, { url: target.gatewayUrl, token: target.token, expiredToken: target.expiredToken });
  const subgraphs = Object.entries(target.subgraphs ?? {});
  if (subgraphs.length) {
    const keys = await knownKeys(target);
    for (const [name, url] of subgraphs) {
      await subgraphChecks(checks, { name, url, authorization: `Bearer ${target.token}`, token: target.token, expiredToken: target.expiredToken }, keys);
    }
  }
  return checks.results;
}
