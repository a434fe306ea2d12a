/**
 * The 城管 vocabulary: hotline categories, violation types, work-order statuses and the states of an
 * enforcement case. Stored and exposed as stable ASCII codes (GraphQL enum values); the native files
 * carry the Chinese labels, which the adapters translate. Either form is accepted on input.
 */

/** 12345 work-order categories that concern construction sites. */
export const COMPLAINT_CATEGORIES = {
  NIGHT_CONSTRUCTION_NOISE: '夜间施工扰民',
  CONSTRUCTION_NOISE: '施工噪声',
  DUST: '扬尘',
  MUCK: '渣土',
  ILLEGAL_CONSTRUCTION: '违法建设',
  ROAD_OCCUPATION: '占道施工',
  OTHER: '其他',
} as const;
export type ComplaintCategory = keyof typeof COMPLAINT_CATEGORIES;

/** Kinds of violation 城管 records on a site. */
export const VIOLATION_TYPES = {
  ILLEGAL_CONSTRUCTION: '违法建设',
  NIGHT_CONSTRUCTION_NOISE: '夜间施工扰民',
  MUCK: '渣土',
  DUST: '扬尘',
  ROAD_OCCUPATION: '占道施工',
} as const;
export type ViolationType = keyof typeof VIOLATION_TYPES;

export const VIOLATION_SOURCES = { PATROL: '巡查发现', COMPLAINT: '投诉举报' } as const;
export type ViolationSource = keyof typeof VIOLATION_SOURCES;

/** Life of a 12345 work order. */
export const COMPLAINT_STATUSES = {
  RECEIVED: '已受理',
  DISPATCHED: '已派单',
  IN_PROGRESS: '办理中',
  REPLIED: '已答复',
  CLOSED: '已办结',
} as const;
export type ComplaintStatus = keyof typeof COMPLAINT_STATUSES;

/** 立案 → 调查 → 决定 → 执行 → 结案, in this order; a case may skip 执行 (e.g. 首违不罚). */
export const CASE_STATES = {
  FILED: '立案',
  INVESTIGATING: '调查',
  DECIDED: '决定',
  EXECUTING: '执行',
  CLOSED: '结案',
} as const;
export type CaseState = keyof typeof CASE_STATES;
export const CASE_STATE_ORDER: readonly CaseState[] = ['FILED', 'INVESTIGATING', 'DECIDED', 'EXECUTING', 'CLOSED'];
export const OPEN_CASE_STATES: readonly CaseState[] = ['FILED', 'INVESTIGATING', 'DECIDED', 'EXECUTING'];

/** Finds the code for a code or a Chinese label (trimmed); undefined when neither. */
export function codeFor<T extends Record<string, string>>(vocabulary: T, value: string): keyof T | undefined {
  const v = value.trim();
  if (Object.prototype.hasOwnProperty.call(vocabulary, v)) return v as keyof T;
  const upper = v.toUpperCase();
  if (Object.prototype.hasOwnProperty.call(vocabulary, upper)) return upper as keyof T;
  return (Object.keys(vocabulary) as (keyof T)[]).find((k) => vocabulary[k] === v);
}

export function describeVocabulary(vocabulary: Record<string, string>): string {
  return Object.entries(vocabulary).map(([k, v]) => `${v} (${k})`).join(', ');
}
