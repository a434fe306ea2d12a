/**
 * What issue 20's end-to-end tests share: GraphQL calls to a gateway URL, the risk board read page by
 * page, the per-project levels read through `projects` pages, waiting for joint's evaluation, and a
 * payroll return file (the bank's native format) that settles a planted arrears case.
 */
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import type { DemoCity, PlantedArrears } from '../../adapters/demo/city';
import { daysWorked } from '../../adapters/demo/hrss';
import { PAYROLL_COLUMNS } from '../../adapters/payroll/record';

export type Level = 'RED' | 'ORANGE' | 'YELLOW' | 'BLUE';
/** Severity order of RiskLevel: a higher number is a worse colour. */
export const SEVERITY: Record<Level, number> = { BLUE: 0, YELLOW: 1, ORANGE: 2, RED: 3 };

export interface Reason { rule: string; dept: string; detail: string; keys: string[]; keysHidden: boolean }
export interface ProjectRisk { level: Level; reasons: Reason[]; rulesVersion: string; evaluatedAt: string }
export interface GqlAnswer { status: number; data?: any; errors?: { message: string; extensions?: { code?: string } }[] }

export type Gql = (query: string, variables?: Record<string, unknown>) => Promise<GqlAnswer>;

/** A caller of the gateway at `url` with the given Authorization header value. */
export function gqlClient(url: string, authorization: string): Gql {
  return async (query, variables = {}) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, ...((await res.json()) as Omit<GqlAnswer, 'status'>) };
  };
}

/** The answer's data, or a thrown error quoting the errors (a test's failure message shows them). */
export async function dataOf(answer: Promise<GqlAnswer>): Promise<any> {
  const a = await answer;
  if (a.errors?.length || !a.data) throw new Error(`GraphQL errors (HTTP ${a.status}): ${JSON.stringify(a.errors)}`);
  return a.data;
}

export const REASON_FIELDS = 'rule dept detail keys keysHidden';
export const RISK_FIELDS = `level rulesVersion evaluatedAt reasons { ${REASON_FIELDS} }`;

export interface BoardHead { totalCount: number; evaluatedAt: string | null; rulesVersion: string | null; counts: { district: string; level: Level; count: number }[] }

/** The board's first page only: when and with which rules the view was evaluated. */
export async function boardHead(gql: Gql): Promise<BoardHead> {
  const d = await dataOf(gql('{ riskBoard(first: 1) { totalCount evaluatedAt rulesVersion counts { district level count } } }'));
  return d.riskBoard;
}

/** Polls the board until `holds` (e.g. an evaluation with a given rules version), failing after timeoutMs. */
export async function waitForBoard(gql: Gql, holds: (h: BoardHead) => boolean, what: string, timeoutMs = 120_000): Promise<BoardHead> {
  const deadline = Date.now() + timeoutMs;
  let last: BoardHead | string = 'no answer yet';
  for (;;) {
    try {
      const h = await boardHead(gql);
      if (holds(h)) return h;
      last = h;
    } catch (e) {
      last = (e as Error).message; // joint may be starting or restarting
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}; last board: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Every page of the board, `first` at a time, in order. */
export async function boardPages(gql: Gql, first: number, filter: { district?: string; level?: Level } = {}) {
  const pages: { head: BoardHead; codes: string[]; levels: Level[] }[] = [];
  let after: string | null = null;
  do {
    const d = await dataOf(gql(
      `query B($first: Int, $after: String, $district: String, $level: RiskLevel) {
        riskBoard(first: $first, after: $after, district: $district, level: $level) {
          totalCount evaluatedAt rulesVersion counts { district level count }
          pageInfo { hasNextPage endCursor } edges { cursor node { code risk { level } } } } }`,
      { first, after, ...filter },
    ));
    const b = d.riskBoard;
    pages.push({ head: b, codes: b.edges.map((e: any) => e.node.code), levels: b.edges.map((e: any) => e.node.risk?.level) });
    after = b.pageInfo.hasNextPage ? b.pageInfo.endCursor : null;
  } while (after);
  return pages;
}

/** Each project's district (housing's) and risk level, read through `projects` pages, by code. */
export async function levelsByProject(gql: Gql): Promise<Map<string, { district: string; level: Level | undefined }>> {
  const out = new Map<string, { district: string; level: Level | undefined }>();
  let after: string | null = null;
  do {
    const d = await dataOf(gql(
      'query P($after: String) { projects(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { code district risk { level } } } } }',
      { after },
    ));
    for (const e of d.projects.edges) out.set(e.node.code, { district: e.node.district, level: e.node.risk?.level });
    after = d.projects.pageInfo.hasNextPage ? d.projects.pageInfo.endCursor : null;
  } while (after);
  return out;
}

export async function projectRisk(gql: Gql, code: string): Promise<ProjectRisk | null> {
  const d = await dataOf(gql(`query R($code: String!) { project(code: $code) { risk { ${RISK_FIELDS} } } }`, { code }));
  return d.project?.risk ?? null;
}

/** Projects of the demo city with nothing planted: no planted case of any kind, no bad-code or blacklisted party. */
export function nothingPlanted(city: DemoCity): string[] {
  const planted = city.planted as DemoCity['planted'] & { blacklisted?: string[] };
  const codes = new Set([...planted.arrears.map((a) => a.projectCode), ...planted.nightNoise, ...planted.overBuilt]);
  const parties = new Set([...planted.badUscc, ...(planted.blacklisted ?? [])]);
  return city.projects
    .filter((p) => !codes.has(p.code) && ![p.builderUscc, p.contractorUscc, p.supervisorUscc, p.designerUscc, p.surveyorUscc].some((u) => parties.has(u)))
    .map((p) => p.code);
}

/**
 * The bank's 总包代发 return file (GB18030, CRLF, the demo's and the payroll adapter's format) paying every
 * worker of a planted `missing` arrears case in full for the month, on `paidOn`: what a builder's late
 * settlement looks like when it reaches 人社.
 */
export function writeSettlementPayroll(city: DemoCity, plant: PlantedArrears, file: string, paidOn: string): number {
  if (plant.kind !== 'missing') throw new Error('only a case with no pay line at all is settled by paying the full wage');
  const affected = new Set(plant.idNumbers);
  const rows: string[] = [PAYROLL_COLUMNS.join(',')];
  city.workers.forEach((w, i) => {
    if (!affected.has(w.idNumber)) return;
    const due = daysWorked(city, i, plant.month).length * w.dailyWage;
    rows.push([
      `SETTLE${plant.month.replace('-', '')}${String(rows.length).padStart(6, '0')}`, '6228480000000999999', w.employerUscc, w.projectCode,
      plant.month, w.name, w.idNumber, w.bankAccount, due.toFixed(2), paidOn, '成功',
    ].join(','));
  });
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, iconv.encode(rows.join('\r\n') + '\r\n', 'gb18030'));
  return rows.length - 1;
}
