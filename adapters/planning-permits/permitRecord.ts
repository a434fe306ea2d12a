/**
 * One planning-permit record (a CSV row's fields or a JSON object) → a permit document, or the reason
 * it is rejected. Columns are read under their English or Chinese names.
 */
import { validateProjectCode } from '../../domain/projectCode';
import { validateParcelCode, validatePermitNo } from '../../subgraphs/resources/codes';
import type { PermitKind, PlanningPermitDoc } from '../../subgraphs/resources/models/planningPermit';

const COLUMN_NAMES: Record<string, string[]> = {
  kind: ['kind', '许可证类型'],
  permitNo: ['permitNo', '证书编号', '电子监管号'],
  projectCode: ['projectCode', '项目代码'],
  parcelCode: ['parcelCode', '宗地代码'],
  approvedFloorArea: ['approvedFloorArea', '批准建筑面积'],
  approvedHeight: ['approvedHeight', '批准建筑高度'],
  storeys: ['storeys', '层数'],
  approvedUse: ['approvedUse', '用途'],
  plotRatio: ['plotRatio', '容积率'],
  issuedOn: ['issuedOn', '核发日期'],
  applicant: ['applicant', '建设单位'],
  contactName: ['contactName', '联系人'],
  contactPhone: ['contactPhone', '联系电话'],
};

const KIND_NAMES: Record<string, PermitKind> = {
  LAND_USE: 'LAND_USE',
  ENGINEERING: 'ENGINEERING',
  建设用地规划许可证: 'LAND_USE',
  建设工程规划许可证: 'ENGINEERING',
};

/** Plausibility bounds: beyond them a value is a typo or a unit error (e.g. cm for m). */
const LIMITS = {
  floorArea: 5_000_000,
  height: 700,
  storeys: 200,
  plotRatio: 30,
};

function column(record: Record<string, unknown>, name: keyof typeof COLUMN_NAMES): string | undefined {
  for (const alias of COLUMN_NAMES[name]) {
    const v = record[alias];
    if (v !== undefined && v !== null && String(v).trim() !== '') return String(v).trim();
  }
  return undefined;
}

type Parsed<T> = { value: T } | { reason: string };

function positiveNumber(record: Record<string, unknown>, name: keyof typeof COLUMN_NAMES, max: number, integer = false): Parsed<number | null> {
  const text = column(record, name);
  if (text === undefined) return { value: null };
  if (!/^\d+(\.\d+)?$/.test(text)) return { reason: `${name} "${text}" is not a number` };
  const n = Number(text);
  if (integer && !Number.isInteger(n)) return { reason: `${name} "${text}" is not a whole number` };
  if (n <= 0 || n > max) return { reason: `${name} ${text} is out of range (0, ${max}]` };
  return { value: n };
}

/** A real calendar date YYYY-MM-DD (also accepted: YYYY/MM/DD and YYYY年M月D日). */
export function isoDate(text: string): string | null {
  const m = /^(\d{4})[-/年](\d{1,2})[-/月](\d{1,2})日?$/.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || y < 1984) return null;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function permitFromRecord(record: unknown): { doc: PlanningPermitDoc } | { reason: string } {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return { reason: 'record is not an object' };
  const r = record as Record<string, unknown>;

  const kindText = column(r, 'kind');
  if (kindText === undefined) return { reason: 'kind is missing' };
  const kind = KIND_NAMES[kindText];
  if (!kind) return { reason: `kind "${kindText}" is not LAND_USE/建设用地规划许可证 or ENGINEERING/建设工程规划许可证` };

  const permitNo = column(r, 'permitNo');
  const permitProblem = validatePermitNo(permitNo);
  if (permitProblem) return { reason: `permitNo ${permitProblem}` };

  const projectCode = column(r, 'projectCode');
  if (projectCode === undefined) return { reason: 'projectCode is missing' };
  const projectProblem = validateProjectCode(projectCode);
  if (projectProblem) return { reason: `projectCode "${projectCode}" ${projectProblem}` };

  const parcelCode = column(r, 'parcelCode');
  const parcelProblem = validateParcelCode(parcelCode);
  if (parcelProblem) return { reason: `parcelCode ${parcelProblem}` };

  const floorArea = positiveNumber(r, 'approvedFloorArea', LIMITS.floorArea);
  if ('reason' in floorArea) return floorArea;
  const height = positiveNumber(r, 'approvedHeight', LIMITS.height);
  if ('reason' in height) return height;
  const storeys = positiveNumber(r, 'storeys', LIMITS.storeys, true);
  if ('reason' in storeys) return storeys;
  const plotRatio = positiveNumber(r, 'plotRatio', LIMITS.plotRatio);
  if ('reason' in plotRatio) return plotRatio;
  // An engineering permit exists to fix the building's size: without it there is nothing to check against.
  if (kind === 'ENGINEERING' && floorArea.value === null) return { reason: 'approvedFloorArea is missing on an engineering planning permit' };
  if (kind === 'ENGINEERING' && height.value === null) return { reason: 'approvedHeight is missing on an engineering planning permit' };

  const issuedText = column(r, 'issuedOn');
  if (issuedText === undefined) return { reason: 'issuedOn is missing' };
  const issuedOn = isoDate(issuedText);
  if (!issuedOn) return { reason: `issuedOn "${issuedText}" is not a calendar date (YYYY-MM-DD)` };

  const contactPhone = column(r, 'contactPhone') ?? null;
  if (contactPhone !== null && !/^(1\d{10}|0\d{2,3}-?\d{7,8})$/.test(contactPhone)) {
    return { reason: `contactPhone "${contactPhone}" is not a mobile or landline number` };
  }

  return {
    doc: {
      _id: permitNo as string,
      permitNo: permitNo as string,
      kind,
      projectCode,
      parcelCode: parcelCode as string,
      approvedFloorArea: floorArea.value,
      approvedHeight: height.value,
      storeys: storeys.value,
      approvedUse: column(r, 'approvedUse') ?? null,
      plotRatio: plotRatio.value,
      issuedOn,
      applicant: column(r, 'applicant') ?? null,
      contactName: column(r, 'contactName') ?? null,
      contactPhone,
    },
  };
}
