/**
 * An inspection record in the same site-supervision feed as the progress reports (质安监督检查),
 * marked `"recordType": "inspection"`, e.g.
 *
 *   { "recordType": "inspection", "inspectionNo": "AJ2026100001", "projectCode": "…",
 *     "inspectedOn": "2026-10-12", "kind": "安全", "outcome": "责令整改", "issuesFound": 3,
 *     "inspectorRemark": "…" }
 */
import type { InspectionDoc, InspectionKind, InspectionOutcome } from '../../subgraphs/housing/models/inspection';
import {
  asObject, integerField, invalid, isoDateField, optionalString, parseWith, projectCodeField, requiredString, type Parsed,
} from '../permits/fields';

const KINDS: Record<string, InspectionKind> = { 质量: 'QUALITY', 安全: 'SAFETY', QUALITY: 'QUALITY', SAFETY: 'SAFETY' };
const OUTCOMES: Record<string, InspectionOutcome> = {
  合格: 'PASSED', 责令整改: 'RECTIFICATION_ORDERED', 责令停工: 'STOP_WORK_ORDERED',
  PASSED: 'PASSED', RECTIFICATION_ORDERED: 'RECTIFICATION_ORDERED', STOP_WORK_ORDERED: 'STOP_WORK_ORDERED',
};

export function parseInspectionRecord(value: unknown): Parsed<InspectionDoc> {
  return parseWith(() => {
    const o = asObject(value);
    const kindName = requiredString(o, 'kind', 30);
    const kind = KINDS[kindName];
    if (!kind) invalid(`kind "${kindName}" is not 质量 or 安全`);
    const outcomeName = requiredString(o, 'outcome', 30);
    const outcome = OUTCOMES[outcomeName];
    if (!outcome) invalid(`outcome "${outcomeName}" is not one of 合格, 责令整改, 责令停工`);
    const issuesFound = integerField(o, 'issuesFound', 0, 1000);
    if (outcome !== 'PASSED' && issuesFound === 0) invalid(`outcome ${outcomeName} needs at least one issue found`);
    return {
      inspectionNo: requiredString(o, 'inspectionNo', 40),
      projectCode: projectCodeField(o),
      inspectedOn: isoDateField(o, 'inspectedOn'),
      kind,
      outcome,
      issuesFound,
      inspectorRemark: optionalString(o, 'inspectorRemark'),
    };
  });
}
