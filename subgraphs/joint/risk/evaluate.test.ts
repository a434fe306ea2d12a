/** The rules on facts, table-driven: each rule firing and not firing, the level, and keys per the caller's catalogue. */
import path from 'node:path';
import { evaluateEnterprise, evaluateProject } from './evaluate';
import type { EnterpriseFacts, ProjectFacts } from './facts';
import { loadRules, validateRules, type RiskRules } from './rules';
import { visibleReason } from './visibility';

const rules = loadRules(path.join(__dirname, 'rules.json'));
const NOW = new Date('2026-12-05T02:00:00Z');

function project(over: Partial<ProjectFacts> = {}): ProjectFacts {
  return {
    code: '2025-371302-47-01-000001',
    district: '371302',
    builders: [{ uscc: '91371302MA0000000X', needsReview: false }],
    arrears: [],
    exceedances: [],
    nightWorkPermits: [],
    planning: { permitNo: '建字第37130220250001号', approvedFloorArea: 10_000, approvedHeight: 50, reportedFloorArea: 9_000, reportedHeight: 45 },
    openCases: [],
    complaints: [],
    ...over,
  };
}

const night = (i: number) => ({ mn: 'MN1', pollutant: 'LA', timeOfDay: 'NIGHT', periodStart: `2026-10-0${i}T15:00:00.000Z` }); // 23:00 local
const dust = (day: number) => ({ mn: 'MN1', pollutant: 'a34002', timeOfDay: 'DAY', periodStart: `2026-10-${String(day).padStart(2, '0')}T02:00:00.000Z` });
const arrears = (workers: number) => ({ month: '2026-10', workersAffected: workers, amountOwed: 1234.5, daysOverdue: 20 });

test.each<[string, Partial<ProjectFacts>, string, string | null, string[]]>([
  ['nothing', {}, 'BLUE', null, []],
  ['arrears of 9 workers', { arrears: [arrears(9)] }, 'ORANGE', 'wage-arrears-any', ['2026-10']],
  ['arrears of 10 workers', { arrears: [arrears(10)] }, 'RED', 'wage-arrears-many', ['2026-10']],
  ['night noise without a permit', { exceedances: [night(1), night(2)] }, 'ORANGE', 'night-noise-without-permit', ['MN1@2026-10-01T15:00:00.000Z', 'MN1@2026-10-02T15:00:00.000Z']],
  ['night noise within a permit', { exceedances: [night(1)], nightWorkPermits: [{ permitNo: 'YJ1', from: '2026-10-01', to: '2026-10-03' }] }, 'BLUE', null, []],
  // A window after midnight belongs to the evening before: 01:00 local on the 4th is the night of the 3rd.
  ['night noise after midnight, permit for the evening before', { exceedances: [{ ...night(3), periodStart: '2026-10-03T17:00:00.000Z' }], nightWorkPermits: [{ permitNo: 'YJ1', from: '2026-10-03', to: '2026-10-03' }] }, 'BLUE', null, []],
  ['day noise', { exceedances: [{ ...night(1), timeOfDay: 'DAY' }] }, 'BLUE', null, []],
  ['dust on 2 days', { exceedances: [dust(1), dust(2)] }, 'BLUE', null, []],
  ['dust on 3 days', { exceedances: [dust(1), dust(2), dust(3), dust(3)] }, 'RED', 'dust-exceedance-days', ['MN1@2026-10-01T02:00:00.000Z', 'MN1@2026-10-02T02:00:00.000Z', 'MN1@2026-10-03T02:00:00.000Z']],
  ['area 5 % over', { planning: { ...project().planning, reportedFloorArea: 10_500 } }, 'ORANGE', 'over-built', ['建字第37130220250001号']],
  ['area 11 % over', { planning: { ...project().planning, reportedFloorArea: 11_100 } }, 'RED', 'over-built-beyond-tolerance', ['建字第37130220250001号']],
  ['height over', { planning: { ...project().planning, reportedHeight: 52 } }, 'ORANGE', 'over-built', ['建字第37130220250001号']],
  ['exactly the approved area', { planning: { ...project().planning, reportedFloorArea: 10_000 } }, 'BLUE', null, []],
  ['no planning permit', { planning: { permitNo: null, approvedFloorArea: null, approvedHeight: null, reportedFloorArea: 9_000, reportedHeight: 40 } }, 'BLUE', null, []],
  ['a case open 91 days', { openCases: [{ caseNo: 'C1', violationNo: 'WF1', filedAt: '2026-09-05T10:00:00+08:00' }] }, 'ORANGE', 'open-violation-overdue', ['WF1', 'C1']],
  ['a case open 30 days', { openCases: [{ caseNo: 'C1', violationNo: 'WF1', filedAt: '2026-11-05T10:00:00+08:00' }] }, 'BLUE', null, []],
  ['4 complaints', { complaints: ['A', 'B', 'C', 'D'] }, 'BLUE', null, []],
  ['5 complaints', { complaints: ['A', 'B', 'C', 'D', 'E'] }, 'YELLOW', 'complaints-many', ['A', 'B', 'C', 'D', 'E']],
  ['a builder whose code fails', { builders: [{ uscc: '91371302MA0000000Y', needsReview: true }] }, 'YELLOW', 'builder-credit-code-fails', ['91371302MA0000000Y']],
])('%s → %s', (_, over, level, rule, keys) => {
  const r = evaluateProject(project(over), rules, NOW);
  expect(r.level).toBe(level);
  if (rule === null) return expect(r.reasons).toEqual([]);
  expect(r.reasons[0]).toMatchObject({ rule, keys });
});

test('the level is the highest rule that holds; reasons are listed highest first', () => {
  const r = evaluateProject(project({ complaints: ['A', 'B', 'C', 'D', 'E'], arrears: [arrears(12)], exceedances: [night(1)] }), rules, NOW);
  expect(r.level).toBe('RED');
  expect(r.reasons.map((x) => x.rule)).toEqual(['wage-arrears-many', 'wage-arrears-any', 'night-noise-without-permit', 'complaints-many']);
});

test('a disabled rule never fires, and a rule file must say why it is disabled', () => {
  const edited = JSON.parse(JSON.stringify(rules)) as RiskRules;
  edited.projectRules.find((r) => r.id === 'wage-arrears-any')!.enabled = false;
  expect(evaluateProject(project({ arrears: [arrears(2)] }), edited, NOW).level).toBe('BLUE');
  delete edited.projectRules.find((r) => r.id === 'wage-arrears-any')!.note;
  expect(() => validateRules(edited, 'edited')).toThrow(/disabled without a note/);
});

test.each<[string, (r: RiskRules) => void, RegExp]>([
  ['a bad threshold', (r) => (r.projectRules[0].minWorkers = 0), /minWorkers must be a number/],
  ['an unknown fact', (r) => ((r.projectRules[0] as { fact: string }).fact = 'astrology'), /unknown fact/],
  ['a computed enterprise RED', (r) => (r.enterpriseRules.find((e) => e.id === 'penalty-recent')!.colour = 'RED'), /only the arrears blacklist/],
  ['a bad interval', (r) => (r.inspectionInterval.YELLOW = 'monthly'), /ISO 8601 duration/],
  ['a basis of no kind', (r) => (r.projectRules[0].basis = 'because'), /basis must start/],
])('the rules file is refused with %s', (_, edit, message) => {
  const edited = JSON.parse(JSON.stringify(rules)) as RiskRules;
  edit(edited);
  expect(() => validateRules(edited, 'edited')).toThrow(message);
});

function enterprise(over: Partial<EnterpriseFacts> = {}): EnterpriseFacts {
  return { uscc: '91371302MA0000000X', needsReview: false, blacklisting: null, penalties: [], openJointCases: [], contractorOf: [], ...over };
}

test.each<[string, Partial<EnterpriseFacts>, string, string | null, string | null]>([
  ['nothing', {}, 'GREEN', null, null],
  ['blacklisted', { blacklisting: { decisionNo: 'D1', expiresOn: '2029-11-30', removedOn: null } }, 'RED', 'arrears-blacklist', '2029-11-30'],
  ['a fine 3 months ago', { penalties: [{ caseNo: 'P1', decidedAt: '2026-09-01T10:00:00+08:00', amount: 20_000 }] }, 'YELLOW', 'penalty-recent', '2027-09-01'],
  ['a fine 13 months ago', { penalties: [{ caseNo: 'P1', decidedAt: '2025-11-01T10:00:00+08:00', amount: 20_000 }] }, 'GREEN', null, null],
  ['an open joint case', { openJointCases: ['LH-2026-000001'] }, 'YELLOW', 'open-joint-case', null],
  ['contractor of a RED project', { contractorOf: ['RED-1', 'BLUE-1'] }, 'YELLOW', 'red-project-contractor', null],
  ['contractor of an ORANGE project', { contractorOf: ['ORANGE-1'] }, 'GREEN', null, null],
  ['a failing credit code', { needsReview: true }, 'YELLOW', 'credit-code-fails', null],
])('enterprise %s → %s', (_, over, colour, rule, validUntil) => {
  const r = evaluateEnterprise(enterprise(over), rules, NOW, (code) => code.split('-')[0] as never);
  expect(r.colour).toBe(colour);
  expect(r.inspectionInterval).toBe(rules.inspectionInterval[colour as 'RED']);
  expect(r.validUntil).toBe(validUntil);
  expect(r.reasons[0]?.rule ?? null).toBe(rule);
});

describe('keys per the owning catalogue', () => {
  const wage = evaluateProject(project({ arrears: [arrears(3)] }), rules, NOW).reasons[0];
  const planning = evaluateProject(project({ planning: { ...project().planning, reportedFloorArea: 10_500 } }), rules, NOW).reasons[0];
  const complaints = evaluateProject(project({ complaints: ['A', 'B', 'C', 'D', 'E'] }), rules, NOW).reasons[0];
  const jointCase = evaluateEnterprise(enterprise({ openJointCases: ['LH-2026-000001'] }), rules, NOW, () => undefined).reasons[0];

  test.each([
    ['hrss itself sees wage keys', { dept: 'hrss', purposes: [] }, wage, false],
    ['a department with wage-enforcement sees them', { dept: 'citymgmt', purposes: ['wage-enforcement'] }, wage, false],
    ['a department without it does not', { dept: 'housing', purposes: [] }, wage, true],
    ['a public caller with the purpose does not (purposes are a department duty)', { dept: 'public', purposes: ['wage-enforcement'] }, wage, true],
    ['planning keys need planning-supervision', { dept: 'housing', purposes: ['wage-enforcement'] }, planning, true],
    ['planning keys with it', { dept: 'housing', purposes: ['planning-supervision'] }, planning, false],
    ['complaint order numbers are OPEN', { dept: 'public', purposes: [] }, complaints, false],
    ['joint case numbers only to joint', { dept: 'housing', purposes: ['wage-enforcement'] }, jointCase, true],
    ['joint sees its case numbers', { dept: 'joint', purposes: [] }, jointCase, false],
  ] as const)('%s', (_, caller, reason, hidden) => {
    const v = visibleReason(caller, reason);
    expect(v.keysHidden).toBe(hidden);
    expect(v.keys).toEqual(hidden ? [] : reason.keys);
    expect(v.detail).toBe(hidden ? reason.title : reason.detail);
    expect(v.rule).toBe(reason.rule);
  });
});
