/** The id of a request: what the access log, the subgraphs and the owners' audit trails know it by. */
import type http from 'node:http';
import { randomUUID } from 'node:crypto';

export function requestIdOf(req: http.IncomingMessage): string {
  const given = req.headers['x-request-id'];
  const value = Array.isArray(given) ? given[0] : given;
  return value && /^[\w.:-]{1,128}$/.test(value) ? value : randomUUID();
}
