import { parseEnforcementRecord } from './enforcementRecord';

const USCC = '91350100M000100Y43';
const BAD_CHECK = '91350100M0001TGQXM';
const violation = {
  kind: 'violation', violationNo: 'WF202610080001', type: '扬尘', source: 'PATROL', foundAt: '2026-10-08 10:00:00',
  district: '371302', projectCode: '2024-371302-47-01-A1B2C3', enterpriseUscc: USCC, description: '裸土未覆盖',
};
const kase = {
  kind: 'case', caseNo: '临城综执罚〔2026〕0001号', type: 'DUST', district: '371302', projectCode: '2024-371302-47-01-A1B2C3',
  violationNo: 'WF202610080001', partyUscc: USCC,
  history: [{ state: '立案', at: '2026-10-09 09:00:00' }, { state: 'INVESTIGATING', at: '2026-10-10 09:00:00' }, { state: 'DECIDED', at: '2026-10-12 09:00:00' }],
  firstViolationNoPenalty: false, penaltyAmount: 20000, legalBasis: '《大气污染防治法》第一百一十五条', internalNotes: '笔录已做',
};

const reason = (r: unknown) => {
  const p = parseEnforcementRecord(r);
  if (!('reason' in p)) throw new Error('expected a rejection');
  return p.reason;
};

test('a violation becomes a document; a credit code failing its check is kept and flagged', () => {
  const ok = parseEnforcementRecord(violation);
  expect(ok).toEqual({
    kind: 'violation',
    doc: {
      violationNo: 'WF202610080001', type: 'DUST', source: 'PATROL', foundAt: new Date('2026-10-08T02:00:00Z'), district: '371302',
      projectCode: '2024-371302-47-01-A1B2C3', enterpriseUscc: USCC, usccNeedsReview: false, complaintOrderNo: null, description: '裸土未覆盖',
    },
  });
  const flagged = parseEnforcementRecord({ ...violation, enterpriseUscc: BAD_CHECK });
  expect('doc' in flagged && flagged.doc).toMatchObject({ enterpriseUscc: BAD_CHECK, usccNeedsReview: true });
});

test('a case keeps its dated history; state and dates derive from it; 首违不罚 means penalty 0', () => {
  const ok = parseEnforcementRecord(kase);
  expect('doc' in ok && ok.doc).toMatchObject({
    caseNo: '临城综执罚〔2026〕0001号', state: 'DECIDED', filedAt: new Date('2026-10-09T01:00:00Z'), closedAt: null, penaltyAmount: 20000,
    history: [{ state: 'FILED' }, { state: 'INVESTIGATING' }, { state: 'DECIDED' }],
  });
  const noPenalty = parseEnforcementRecord({
    ...kase, firstViolationNoPenalty: true, penaltyAmount: null,
    history: [...kase.history, { state: '结案', at: '2026-10-13 09:00:00' }],
  });
  expect('doc' in noPenalty && noPenalty.doc).toMatchObject({ state: 'CLOSED', penaltyAmount: 0, firstViolationNoPenalty: true, closedAt: new Date('2026-10-13T01:00:00Z') });
});

test.each([
  [{ ...violation, kind: 'patrol' }, /unknown kind "patrol"/],
  [{ ...violation, violationNo: '' }, /missing violationNo/],
  [{ ...violation, violationNo: 'w f' }, /violationNo "w f" is malformed/],
  [{ ...violation, type: '乱贴广告' }, /unknown violation type "乱贴广告"/],
  [{ ...violation, source: 'RUMOUR' }, /unknown source "RUMOUR"/],
  [{ ...violation, foundAt: '2026-10-32 10:00' }, /foundAt: .* not a real date/],
  [{ ...violation, district: 'x' }, /district "x" is not a 6-digit/],
  [{ ...violation, projectCode: 'P-1' }, /project code "P-1"/],
  [{ ...violation, enterpriseUscc: '91350100M00010OY43' }, /enterpriseUscc .* characters outside GB 32100/],
  [{ ...violation, source: 'COMPLAINT' }, /complaintOrderNo is missing/],
  [{ ...violation, description: ' ' }, /missing description/],
  [{ ...kase, caseNo: '' }, /missing caseNo/],
  [{ ...kase, partyUscc: null }, /needs a party/],
  [{ ...kase, history: [] }, /history must be a non-empty array/],
  [{ ...kase, history: ['立案'] }, /history\[0\] is not an object/],
  [{ ...kase, history: [{ state: '撤案', at: '2026-10-09 09:00:00' }] }, /history\[0\]: unknown state "撤案"/],
  [{ ...kase, history: [{ state: 'FILED', at: 'soon' }] }, /history\[0\]: at: "soon" is not a timestamp/],
  [{ ...kase, history: [{ state: 'INVESTIGATING', at: '2026-10-09 09:00:00' }] }, /must start with 立案/],
  [{ ...kase, history: [kase.history[0], kase.history[2], kase.history[1]] }, /INVESTIGATING cannot follow DECIDED/],
  [{ ...kase, history: [kase.history[0], { state: 'DECIDED', at: '2026-10-01 00:00:00' }] }, /DECIDED is dated before FILED/],
  [{ ...kase, firstViolationNoPenalty: 'yes' }, /firstViolationNoPenalty must be true or false/],
  [{ ...kase, penaltyAmount: -5 }, /penaltyAmount "-5" is not a non-negative amount/],
  [{ ...kase, history: kase.history.slice(0, 2) }, /penaltyAmount given but the case is only at INVESTIGATING/],
  [{ ...kase, firstViolationNoPenalty: true }, /首违不罚 .* with a penalty above 0/],
  ['not an object', /record is not an object/],
])('rejects %j', (record, expected) => {
  expect(reason(record)).toMatch(expected);
});
