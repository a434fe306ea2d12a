/** Small, hand-made 城管 data for the subgraph tests (inserted straight into the models). */
import type { CitymgmtModels } from './models';

export const PROJECT_A = '2024-371302-47-01-A1B2C3';
export const PROJECT_B = '2024-371311-47-01-B2C3D4';
export const USCC_A = '91350100M000100Y43';

const at = (local: string) => new Date(`${local}+08:00`);

export async function insertCitymgmtFixtures(m: CitymgmtModels): Promise<void> {
  const base = { address: '临沂市兰山区沂蒙路1号附近', lng: 118.35, lat: 35.06, reply: null, repliedAt: null };
  await m.Complaint.insertMany([
    { ...base, orderNo: 'GD2026100200001', receivedAt: at('2026-10-02T23:15:00'), category: 'NIGHT_CONSTRUCTION_NOISE', district: '371302', callerName: '王伟', callerPhone: '13912345678', content: '深夜施工', projectCode: PROJECT_A, status: 'REPLIED' },
    { ...base, orderNo: 'GD2026100400001', receivedAt: at('2026-10-04T01:30:00'), category: 'NIGHT_CONSTRUCTION_NOISE', district: '371302', callerName: '李娜', callerPhone: '13812345678', content: '凌晨打桩', projectCode: PROJECT_A, status: 'CLOSED' },
    { ...base, orderNo: 'GD2026101000001', receivedAt: at('2026-10-10T10:00:00'), category: 'DUST', district: '371302', callerName: null, callerPhone: null, content: '扬尘', projectCode: PROJECT_A, status: 'RECEIVED' },
    { ...base, orderNo: 'GD2026101000002', receivedAt: at('2026-10-10T10:00:00'), category: 'MUCK', district: '371311', callerName: '赵敏', callerPhone: '13712345678', content: '渣土撒漏', projectCode: PROJECT_B, status: 'DISPATCHED' },
    { ...base, orderNo: 'GD2026101000003', receivedAt: at('2026-10-10T10:00:00'), category: 'DUST', district: '371311', callerName: '孙强', callerPhone: '13612345678', content: '扬尘', projectCode: null, status: 'RECEIVED', lng: null, lat: null },
  ]);
  await m.Violation.insertMany([
    { violationNo: 'WF1001', type: 'NIGHT_CONSTRUCTION_NOISE', source: 'COMPLAINT', foundAt: at('2026-10-05T10:00:00'), district: '371302', projectCode: PROJECT_A, enterpriseUscc: USCC_A, usccNeedsReview: false, complaintOrderNo: 'GD2026100200001', description: '夜间施工未办许可' },
    { violationNo: 'WF1002', type: 'MUCK', source: 'PATROL', foundAt: at('2026-10-11T10:00:00'), district: '371311', projectCode: PROJECT_B, enterpriseUscc: USCC_A, usccNeedsReview: false, complaintOrderNo: null, description: '渣土车未密闭' },
  ]);
  const h = (...steps: [string, string][]) => steps.map(([state, t]) => ({ state, at: at(t) }));
  await m.EnforcementCase.insertMany([
    { caseNo: 'C-0001', type: 'NIGHT_CONSTRUCTION_NOISE', district: '371302', projectCode: PROJECT_A, violationNo: 'WF1001', partyUscc: USCC_A, partyName: null, state: 'INVESTIGATING', history: h(['FILED', '2026-10-06T09:00:00'], ['INVESTIGATING', '2026-10-07T09:00:00']), filedAt: at('2026-10-06T09:00:00'), closedAt: null, firstViolationNoPenalty: false, penaltyAmount: null, legalBasis: null, internalNotes: '承办人 4210 待询问' },
    { caseNo: 'C-0002', type: 'MUCK', district: '371311', projectCode: PROJECT_B, violationNo: 'WF1002', partyUscc: USCC_A, partyName: null, state: 'CLOSED', history: h(['FILED', '2026-10-12T09:00:00'], ['INVESTIGATING', '2026-10-13T09:00:00'], ['DECIDED', '2026-10-15T09:00:00'], ['CLOSED', '2026-10-16T09:00:00']), filedAt: at('2026-10-12T09:00:00'), closedAt: at('2026-10-16T09:00:00'), firstViolationNoPenalty: true, penaltyAmount: 0, legalBasis: '《行政处罚法》第三十三条', internalNotes: null },
    { caseNo: 'C-0003', type: 'DUST', district: '371302', projectCode: PROJECT_A, violationNo: null, partyUscc: USCC_A, partyName: null, state: 'EXECUTING', history: h(['FILED', '2026-10-13T09:00:00'], ['INVESTIGATING', '2026-10-14T09:00:00'], ['DECIDED', '2026-10-18T09:00:00'], ['EXECUTING', '2026-10-19T09:00:00']), filedAt: at('2026-10-13T09:00:00'), closedAt: null, firstViolationNoPenalty: false, penaltyAmount: 30000, legalBasis: '《大气污染防治法》第一百一十五条', internalNotes: null },
    { caseNo: 'C-0004', type: 'ILLEGAL_CONSTRUCTION', district: '371302', projectCode: null, violationNo: null, partyUscc: null, partyName: '张建华', state: 'FILED', history: h(['FILED', '2026-10-14T09:00:00']), filedAt: at('2026-10-14T09:00:00'), closedAt: null, firstViolationNoPenalty: false, penaltyAmount: null, legalBasis: null, internalNotes: '房主拒不配合' },
  ]);
}
