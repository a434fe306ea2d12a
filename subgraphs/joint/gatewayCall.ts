/**
 * joint reads the graph on its caller's behalf (evidence, witnesses of a case's head): through the
 * gateway, with the caller's own token, so every owner's catalogue, masking and audit apply as to the
 * caller, and with the case id, so the owners' audit records name the case.
 */
import { requestIdHeaders } from '../../lib/http/requestId';
import { CASE_ID_HEADER } from '../../lib/http/caseIdHeader';

export interface CallerAuth {
  /** The caller's `Authorization` header, forwarded as is. */
  authorization: string;
  requestId?: string;
}

export interface GatewayError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; field?: string };
}

export interface GatewayAnswer {
  data?: Record<string, unknown> | null;
  errors?: GatewayError[];
}

/** The gateway answered, but not with GraphQL (a proxy's error page, a 502). */
export class NotGraphQLAnswer extends Error {
  constructor(readonly status: number, text: string) {
    super(`the gateway answered ${status} without GraphQL: ${text.slice(0, 200)}`);
    this.name = 'NotGraphQLAnswer';
  }
}

/** POSTs one operation as the caller for `caseId`. A failed fetch (down, timeout) throws as fetch does. */
export async function askGatewayAsCaller(url: string, operation: { query: string; variables: Record<string, unknown> }, caseId: string, auth: CallerAuth, timeoutMs: number): Promise<GatewayAnswer> {
  const headers: Record<string, string> = { 'content-type': 'application/json', authorization: auth.authorization, [CASE_ID_HEADER]: caseId };
  // Signed, so that the gateway adopts it as the request id the owners' audit trails record (lib/http/requestId.ts).
  if (auth.requestId) Object.assign(headers, requestIdHeaders(auth.requestId));
  const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify(operation), signal: AbortSignal.timeout(timeoutMs) });
  const text = await res.text();
  try {
    return JSON.parse(text) as GatewayAnswer;
  } catch {
    throw new NotGraphQLAnswer(res.status, text);
  }
}
