/**
 * case.html of a dossier: the case on paper. One file, inline style, no script and no external
 * resource (air-gapped networks, and a printout must not depend on anything else). Every value from
 * the case is escaped.
 */
import type { WitnessedHead } from '../subgraphs/joint/witness/client';
import type { DossierCase } from './caseDossier';

const esc = (v: unknown): string =>
  v === null || v === undefined
    ? ''
    : String(v).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function table(headers: string[], rows: unknown[][]): string {
  if (!rows.length) return '<p class="none">—</p>';
  const head = headers.map((h) => `<th>${esc(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('\n');
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/** Pretty JSON of a canonical JSON text, for reading (the canonical text itself is in case.json). */
function pretty(text: unknown): string {
  try {
    return JSON.stringify(JSON.parse(String(text)), null, 2);
  } catch {
    return String(text);
  }
}

const STYLE = `
body { font: 11pt/1.45 "Noto Serif CJK SC", "Songti SC", SimSun, serif; margin: 2em auto; max-width: 60em; color: #000; }
h1 { font-size: 16pt; text-align: center; } h2 { font-size: 13pt; border-bottom: 1px solid #000; margin-top: 1.6em; }
table { border-collapse: collapse; width: 100%; margin: .4em 0; font-size: 9.5pt; } th, td { border: 1px solid #555; padding: 2px 4px; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
th { background: #eee; } pre { white-space: pre-wrap; word-break: break-all; font-size: 8.5pt; border: 1px solid #aaa; padding: 4px; }
.hash { font-family: monospace; font-size: 8pt; word-break: break-all; } .none { color: #555; } dl { display: grid; grid-template-columns: 12em 1fr; } dt { font-weight: bold; }
@media print { body { margin: 0; max-width: none; } section.evidence { break-inside: avoid-page; } }
`;

export function renderDossierHtml(
  dossier: DossierCase,
  extra: { chain: { length: number; head: { seq: number; hash: string } | null }; witnesses: WitnessedHead[]; unavailableWitnesses: { dept: string; error: string }[] },
): string {
  const c = dossier.case as Record<string, any>;
  const subject = c.subject ? [c.subject.projectCode, c.subject.uscc].filter(Boolean).join(' / ') : '';
  const facts: [string, unknown][] = [
    ['案卷号 Case', c.id], ['Kind', c.kind], ['Title', c.title], ['Subject', subject], ['Purpose', c.purpose],
    ['Lead department', c.leadDepartment], ['Departments', (c.departments ?? []).join(', ')], ['State', c.state],
    ['Filed', c.filedAt], ['Deadline', c.deadline], ['Overdue', c.overdue ? 'yes' : 'no'], ['Investigators', (c.investigators ?? []).join(', ')],
    ['Chain', `${extra.chain.length} links; head ${extra.chain.head ? `${extra.chain.head.seq} ${extra.chain.head.hash}` : '—'}`],
    ['Exported', dossier.exportedAt],
  ];
  const evidence = (c.evidence ?? []).map((e: Record<string, any>) => `<section class="evidence">
<h3>Evidence ${esc(e.id)} (link ${esc(e.seq)})</h3>
<dl><dt>Captured</dt><dd>${esc(e.capturedAt)} by ${esc(e.capturedBy)} (${esc(e.capturedByDepartment)})</dd>
<dt>Note</dt><dd>${esc(e.note)}</dd><dt>SHA-256</dt><dd class="hash">${esc(e.sha256)}</dd></dl>
<p>Operation:</p><pre>${esc(e.operation)}</pre><p>Variables:</p><pre>${esc(pretty(e.variables))}</pre>
${(e.denied ?? []).length ? `<p>Denied by the owners:</p>${table(['path', 'field', 'message'], e.denied.map((d: Record<string, unknown>) => [d.path, d.field, d.message]))}` : ''}
${e.answer ? `<p>Answer:</p><pre>${esc(pretty(e.answer))}</pre>` : `<p class="none">Answer withheld: captured by ${esc(e.capturedByDepartment)} with its own access (its SHA-256 is above).</p>`}
</section>`);
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>联合执法案卷 ${esc(c.id)}</title><style>${STYLE}</style></head>
<body>
<h1>联合执法案卷 Joint enforcement case file<br>${esc(c.id)}</h1>
<h2>Case</h2>
<dl>${facts.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>
<h2>Decisions (each department's own)</h2>
${table(['department', 'type', 'document no.', 'summary', 'amount', 'decided', 'by'], (c.decisions ?? []).map((d: Record<string, unknown>) => [d.department, d.type, d.documentNumber, d.summary, d.amount, d.decidedAt, d.decidedBy]))}
<h2>Events</h2>
${table(['link', 'type', 'from', 'to', 'effective', 'by', 'department', 'note'], (c.events ?? []).map((e: Record<string, unknown>) => [e.seq, e.type, e.from, e.to, e.effectiveAt, e.by, e.department, [e.note, e.reviewOpinion, e.clockReason, Array.isArray(e.officers) ? `officers: ${e.officers.join(', ')}` : null].filter(Boolean).join(' · ')]))}
<h2>Evidence</h2>
${evidence.join('\n') || '<p class="none">—</p>'}
<h2>Hash chain</h2>
${table(['link', 'kind', 'prevHash', 'hash'], dossier.chain.map((l) => [l.seq, l.kind, l.prevHash, l.hash]))}
<h2>Witnessed heads (recorded in each department's own store)</h2>
${table(['department', 'link', 'hash', 'recorded'], extra.witnesses.map((w) => [w.dept, w.seq, w.hash, w.at]))}
${extra.unavailableWitnesses.length ? `<p>Not read at export: ${esc(extra.unavailableWitnesses.map((u) => `${u.dept} (${u.error})`).join('; '))}</p>` : ''}
<p class="none">Check this dossier offline: <code>npm run case:verify -- &lt;this directory&gt;</code> (manifest hashes, the chain, the evidence answers, the witnessed heads).</p>
</body></html>
`;
}
