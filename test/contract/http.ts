/** Plain HTTP to a deployment: what any client has (no Apollo, no access to its processes or stores). */

export interface Answer {
  status: number;
  json: any; // a GraphQL answer, or { raw } when the body is not JSON
}

export async function post(url: string, body: unknown, authorization?: string): Promise<Answer> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  try {
    return { status: res.status, json: JSON.parse(text) };
  } catch {
    return { status: res.status, json: { raw: text.slice(0, 500) } };
  }
}

/** The service's Prometheus text, or undefined when it serves none (another deployment's choice). */
export async function metricsText(graphqlUrl: string): Promise<string | undefined> {
  const res = await fetch(graphqlUrl.replace(/\/graphql\/?$/, '/metrics'), { signal: AbortSignal.timeout(10_000) }).catch(() => undefined);
  return res?.ok ? res.text() : undefined;
}

/** The errors of an answer in one line, for a failure's detail. */
export function brief(answer: Answer): string {
  return `HTTP ${answer.status} ${JSON.stringify(answer.json).slice(0, 400)}`;
}

/** The claims of a JWT, read without verifying it (the suite holds no key; the services verify). */
export function claimsOf(token: string): Record<string, unknown> {
  try {
    return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    return {};
  }
}

/** Tokens a client can make without any key, each of which every service must refuse. */
export function unsignedVariants(token: string): { name: string; authorization: string | undefined }[] {
  const [header, payload] = token.split('.');
  const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
  return [
    { name: 'no token', authorization: undefined },
    { name: 'forged signature', authorization: `Bearer ${header}.${payload}.${Buffer.from('forged').toString('base64url')}` },
    { name: 'alg "none"', authorization: `Bearer ${none}.${payload}.` },
    { name: 'not a JWT', authorization: 'Bearer not-a-jwt' },
  ];
}
