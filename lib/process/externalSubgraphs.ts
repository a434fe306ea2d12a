/**
 * `npm start` and SUBGRAPH_URL_<NAME>: a subgraph given a URL runs elsewhere, so it is not started here
 * and the gateway routes to that URL. A value that is not an http(s) URL ending in a path stops the
 * start with a message naming the variable (it was silently ignored before).
 */
import { readEnv, type SubgraphName } from '../config';

export function externalSubgraphUrls(names: readonly SubgraphName[], env: (name: string) => string | undefined = readEnv): Partial<Record<SubgraphName, string>> {
  const external: Partial<Record<SubgraphName, string>> = {};
  for (const name of names) {
    const variable = `SUBGRAPH_URL_${name.toUpperCase()}`;
    const value = env(variable)?.trim();
    if (!value) continue;
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new Error(`${variable} must be the http(s) URL of the ${name} subgraph's GraphQL endpoint (e.g. http://10.0.0.5:4001/graphql), got "${value.slice(0, 200)}"`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new Error(`${variable} must be an http or https URL, got "${url.protocol}" in "${value.slice(0, 200)}"`);
    }
    external[name] = value;
  }
  return external;
}
