/**
 * One record of the provincial construction platform's progress feed (形象进度填报), e.g.
 *
 *   { "projectCode": "2024-371302-47-01-A1B2C3", "reportDate": "2026-10-25", "progressPercent": 62.5,
 *     "floorArea": 48210.5, "height": 54.3, "storeys": 17, "inspectorRemark": "…" }
 *
 * Natural key: project code + report date (a corrected report for the same date replaces the earlier one).
 */
import type { ProgressDoc } from '../../subgraphs/housing/models/progress';
import {
  asObject, integerField, isoDateField, numberField, optionalString, parseWith, projectCodeField, type Parsed,
} from '../permits/fields';

/** The tallest buildings in China are under 650 m and 130 storeys: larger values are typing errors. */
const MAX_HEIGHT_M = 700;
const MAX_STOREYS = 150;
const MAX_FLOOR_AREA_M2 = 5_000_000;

export function parseProgressRecord(value: unknown): Parsed<ProgressDoc> {
  return parseWith(() => {
    const o = asObject(value);
    return {
      projectCode: projectCodeField(o),
      reportDate: isoDateField(o, 'reportDate'),
      progressPercent: numberField(o, 'progressPercent', 0, 100),
      reportedFloorArea: numberField(o, 'floorArea', 0, MAX_FLOOR_AREA_M2),
      reportedHeight: numberField(o, 'height', 0, MAX_HEIGHT_M),
      storeys: integerField(o, 'storeys', 0, MAX_STOREYS),
      inspectorRemark: optionalString(o, 'inspectorRemark'),
    };
  });
}
