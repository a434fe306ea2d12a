/**
 * One 12345 work order as the hotline system exports it (CSV row or JSON object) → a validated
 * complaint document, or the reason it is rejected. Pure: no I/O, so every rule is unit-tested.
 * Field names are the hotline export's Chinese headers; English names are accepted as aliases.
 */
import { validateProjectCode } from '../../domain/projectCode';
import { parseCityTimestamp } from '../../subgraphs/citymgmt/localTime';
import type { ComplaintDoc } from '../../subgraphs/citymgmt/models/complaint';
import {
  codeFor, COMPLAINT_CATEGORIES, COMPLAINT_STATUSES, describeVocabulary,
  type ComplaintCategory, type ComplaintStatus,
} from '../../subgraphs/citymgmt/models/vocabulary';

/** Header of the hotline CSV export, in column order (the demo writes it; aliases are read too). */
export const WORK_ORDER_COLUMNS = {
  orderNo: '工单编号',
  receivedAt: '受理时间',
  category: '诉求类别',
  district: '区县代码',
  address: '事发地址',
  lng: '经度',
  lat: '纬度',
  callerName: '来电人',
  callerPhone: '联系电话',
  content: '诉求内容',
  projectCode: '关联项目代码',
  status: '办理状态',
  reply: '答复内容',
  repliedAt: '答复时间',
} as const;
type Column = keyof typeof WORK_ORDER_COLUMNS;

/** Work-order numbers: letters, digits and hyphens, 6–40 characters (formats differ by city). */
export const ORDER_NO_PATTERN = /^[0-9A-Z][0-9A-Z-]{5,39}$/;
const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}-?\d{7,8}$/;
/** China's extent, generously: catches swapped or zeroed coordinates. */
const LNG_RANGE = [73, 136] as const;
const LAT_RANGE = [3, 54] as const;

export type ParsedWorkOrder = { doc: ComplaintDoc } | { reason: string };

function read(record: Record<string, unknown>, column: Column): string {
  const v = record[WORK_ORDER_COLUMNS[column]] ?? record[column];
  if (v === undefined || v === null) return '';
  return typeof v === 'string' ? v.trim() : String(v).trim();
}

/** Normalises a phone number (spaces, +86); returns null when it is not a Chinese mobile or landline number. */
export function normalisePhone(value: string): string | null {
  const v = value.replace(/[\s()]/g, '').replace(/^(\+?86)(?=1\d{10}$)/, '');
  return MOBILE.test(v) || LANDLINE.test(v) ? v : null;
}

function coordinate(value: string, name: string, [min, max]: readonly [number, number]): number | string {
  const n = Number(value);
  if (!Number.isFinite(n)) return `${name} "${value}" is not a number`;
  if (n < min || n > max) return `${name} ${value} is outside China (${min}..${max})`;
  return n;
}

export function parseWorkOrder(record: unknown): ParsedWorkOrder {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return { reason: 'record is not an object' };
  const r = record as Record<string, unknown>;

  const orderNo = read(r, 'orderNo').toUpperCase();
  if (!orderNo) return { reason: `missing ${WORK_ORDER_COLUMNS.orderNo} (order number)` };
  if (!ORDER_NO_PATTERN.test(orderNo)) return { reason: `order number "${orderNo}" is malformed (6–40 letters, digits or hyphens)` };

  const receivedRaw = read(r, 'receivedAt');
  if (!receivedRaw) return { reason: `missing ${WORK_ORDER_COLUMNS.receivedAt} (received at)` };
  const receivedAt = parseCityTimestamp(receivedRaw);
  if (typeof receivedAt === 'string') return { reason: `${WORK_ORDER_COLUMNS.receivedAt}: ${receivedAt}` };

  const categoryRaw = read(r, 'category');
  const category = codeFor(COMPLAINT_CATEGORIES, categoryRaw) as ComplaintCategory | undefined;
  if (!category) return { reason: `unknown category "${categoryRaw}" (expected one of ${describeVocabulary(COMPLAINT_CATEGORIES)})` };

  const district = read(r, 'district');
  if (!/^\d{6}$/.test(district)) return { reason: `district "${district}" is not a 6-digit GB/T 2260 code` };

  const address = read(r, 'address');
  if (!address) return { reason: `missing ${WORK_ORDER_COLUMNS.address} (address)` };

  const lngRaw = read(r, 'lng');
  const latRaw = read(r, 'lat');
  let lng: number | null = null;
  let lat: number | null = null;
  if (lngRaw || latRaw) {
    if (!lngRaw || !latRaw) return { reason: 'only one of longitude/latitude given' };
    const x = coordinate(lngRaw, 'longitude', LNG_RANGE);
    if (typeof x === 'string') return { reason: x };
    const y = coordinate(latRaw, 'latitude', LAT_RANGE);
    if (typeof y === 'string') return { reason: y };
    [lng, lat] = [x, y];
  }

  const phoneRaw = read(r, 'callerPhone');
  const callerPhone = phoneRaw ? normalisePhone(phoneRaw) : null;
  if (phoneRaw && !callerPhone) return { reason: `phone number "${phoneRaw}" is neither a mobile (1xxxxxxxxxx) nor a landline (0xxx-xxxxxxx) number` };

  const content = read(r, 'content');
  if (!content) return { reason: `missing ${WORK_ORDER_COLUMNS.content} (content)` };

  const projectCode = read(r, 'projectCode') || null;
  if (projectCode) {
    const problem = validateProjectCode(projectCode);
    if (problem) return { reason: `project code "${projectCode}" ${problem}` };
  }

  const statusRaw = read(r, 'status');
  const status = (statusRaw ? codeFor(COMPLAINT_STATUSES, statusRaw) : 'RECEIVED') as ComplaintStatus | undefined;
  if (!status) return { reason: `unknown status "${statusRaw}" (expected one of ${describeVocabulary(COMPLAINT_STATUSES)})` };

  const repliedRaw = read(r, 'repliedAt');
  let repliedAt: Date | null = null;
  if (repliedRaw) {
    const parsed = parseCityTimestamp(repliedRaw);
    if (typeof parsed === 'string') return { reason: `${WORK_ORDER_COLUMNS.repliedAt}: ${parsed}` };
    if (parsed.getTime() < receivedAt.getTime()) return { reason: `replied at ${repliedRaw} is before received at ${receivedRaw}` };
    repliedAt = parsed;
  }

  return {
    doc: {
      orderNo, receivedAt, category, district, address, lng, lat,
      callerName: read(r, 'callerName') || null,
      callerPhone, content, projectCode, status,
      reply: read(r, 'reply') || null,
      repliedAt,
    },
  };
}
