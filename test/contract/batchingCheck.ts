/**
 * Store reads caused by one request, read from the subgraph's own /metrics
 * (`xietong_store_queries_total{service,collection,kind}`, served with STORE_QUERY_METRICS=on): the
 * difference before and after, per collection. Another client's traffic in between adds reads, so
 * the measure is taken up to three times and the smallest worst collection kept: an unbatched
 * resolver reads N times every time, and noise does not repeat.
 */
import { metricsText, type Answer } from './http';
import { Skip } from './results';
import type { SubgraphUnderTest } from './entityChecks';

const LINE = /^xietong_store_queries_total\{([^}]*)\}\s+(\S+)/;

function readsByCollection(text: string, service: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    const m = LINE.exec(line);
    if (!m) continue;
    const labels = Object.fromEntries([...m[1].matchAll(/(\w+)="([^"]*)"/g)].map((x) => [x[1], x[2]]));
    if (labels.service !== service || labels.kind !== 'read') continue;
    out.set(labels.collection, (out.get(labels.collection) ?? 0) + Number(m[2]));
  }
  return out;
}

async function snapshot(sg: SubgraphUnderTest): Promise<Map<string, number>> {
  const text = await metricsText(sg.url);
  if (text === undefined) throw new Skip(`${sg.url.replace(/\/graphql\/?$/, '/metrics')} is not served`);
  if (!text.includes('xietong_store_queries_total')) {
    throw new Skip('the subgraph does not count its store queries: start it with STORE_QUERY_METRICS=on (docs/contract-testing.md)');
  }
  return readsByCollection(text, sg.name);
}

export async function storeReadsDuring(sg: SubgraphUnderTest, request: () => Promise<Answer>): Promise<{ reads: Record<string, number>; answer: Answer }> {
  let best: { reads: Record<string, number>; answer: Answer } | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    const before = await snapshot(sg);
    const answer = await request();
    const after = await snapshot(sg);
    const reads: Record<string, number> = {};
    for (const [collection, n] of after) {
      const delta = n - (before.get(collection) ?? 0);
      if (delta > 0) reads[collection] = delta;
    }
    const worst = Math.max(0, ...Object.values(reads));
    if (!best || worst < Math.max(0, ...Object.values(best.reads))) best = { reads, answer };
    if (worst <= 1) break;
  }
  return best!;
}
