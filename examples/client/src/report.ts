/**
 * Runs the three example operations and renders what they answered as text. Typed end to end: every
 * property read below exists in the generated result types, so a field dropped from an operation (or
 * from the published schema, after regenerating) is a compile error here, not an `undefined` at run time.
 */
import { FirstProjectsDocument, ProjectViewDocument, WageArrearsDocument, type FirstProjectsQuery, type ProjectViewQuery, type WageArrearsQuery } from './generated/operations';
import { request, type Endpoint, type GraphQLErrorItem } from './request';

export interface Report {
  projects: FirstProjectsQuery['projects'];
  /** Null when the token lacks the `wage-enforcement` purpose (a FORBIDDEN error says so). */
  arrears: WageArrearsQuery['wageArrears'];
  view: ProjectViewQuery['project'];
  /** Partial-answer errors (e.g. FORBIDDEN fields), with the operation they came from. */
  errors: { operation: string; error: GraphQLErrorItem }[];
}

export async function runExamples(endpoint: Endpoint, month: string, code?: string): Promise<Report> {
  const errors: Report['errors'] = [];
  const note = (operation: string, list: GraphQLErrorItem[]) => list.forEach((error) => errors.push({ operation, error }));

  const first = await request(endpoint, FirstProjectsDocument, { first: 3 });
  note('FirstProjects', first.errors);
  const arrears = await request(endpoint, WageArrearsDocument, { month });
  note('WageArrears', arrears.errors);
  const projectCode = code ?? first.data.projects.edges[0]?.node.code;
  let view: ProjectViewQuery['project'] = null;
  if (projectCode) {
    const answer = await request(endpoint, ProjectViewDocument, { code: projectCode, month });
    note('ProjectView', answer.errors);
    view = answer.data.project;
  }
  return { projects: first.data.projects, arrears: arrears.data.wageArrears, view, errors };
}

const show = (v: string | number | null | undefined) => (v === null || v === undefined ? '—' : String(v));

export function renderReport(report: Report, month: string): string {
  const lines: string[] = [];
  lines.push(`Projects (${report.projects.totalCount} registered; first ${report.projects.edges.length}):`);
  for (const { node } of report.projects.edges) {
    lines.push(
      `  ${node.code}  ${show(node.name)}  approved ${show(node.approvedFloorArea)} m² / reported ${show(node.reportedFloorArea)} m²` +
        `  complaints ${node.complaintCount}  workforce ${show(node.workforce)}  stations ${(node.stations ?? []).map((s) => s.mn).join(',') || '—'}`,
    );
  }
  lines.push('');
  if (report.arrears === null) lines.push(`Wage arrears for ${month}: no answer (see the errors below)`);
  else {
    lines.push(`Wage arrears for ${month}: ${report.arrears.length} project(s)`);
    for (const a of report.arrears) {
      lines.push(
        `  ${a.project.code}  ${show(a.project.name)}  owed ¥${a.amountOwed.toFixed(2)} to ${a.workersAffected} worker(s), ${a.daysOverdue} day(s) overdue` +
          `  employers ${a.employers.map((e) => e.uscc).join(',') || '—'}`,
      );
    }
  }
  lines.push('');
  const v = report.view;
  if (!v) lines.push('Project view: no project');
  else {
    lines.push(`Project ${v.code}: ${show(v.name)} (${show(v.status)}, ${show(v.districtName)})`);
    lines.push(`  住建 permit ${show(v.permit?.permitNo)} issued ${show(v.permit?.issuedOn)}; reported floor area ${show(v.reportedFloorArea)} m²`);
    lines.push(`  自然资源 approved floor area ${show(v.approvedFloorArea)} m²; parcel ${show(v.parcel?.parcelCode)} (${show(v.parcel?.landUse)})`);
    lines.push(`  城管 complaints ${v.complaintCount}`);
    lines.push(
      `  人社 workforce ${show(v.workforce)}; ${month}: ` +
        (v.wageStatus ? `${v.wageStatus.workersUnpaid} unpaid, ${v.wageStatus.workersShort} short, ¥${v.wageStatus.amountOwed.toFixed(2)} owed` : '—'),
    );
    lines.push(`  生态环境 stations ${(v.stations ?? []).map((s) => `${s.mn} (last reading ${show(s.latestReading?.dataTime)})`).join(', ') || '—'}`);
    lines.push(`  participants ${v.participants.map((p) => `${p.role} ${p.enterprise.uscc}`).join('; ') || '—'}`);
  }
  if (report.errors.length) {
    lines.push('');
    lines.push('Partial answers:');
    for (const { operation, error } of report.errors) lines.push(`  ${operation}: ${error.extensions?.code ?? 'ERROR'} ${error.message}${error.path ? ` at ${error.path.join('.')}` : ''}`);
  }
  return lines.join('\n');
}
