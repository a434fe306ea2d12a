/**
 * 城管's demo files, written from the city model: the 12345 hotline export (CSV, Chinese headers) and
 * the 综合执法 export of violations and cases (JSON). Planted: every night-noise site
 * (`city.planted.nightNoise`) gets 3–5 夜间施工扰民 work orders at night (22:00–06:00) matched to it
 * and a violation found through them; no other site gets any night-noise order. Elsewhere a sprinkle
 * of daytime dust, muck, noise and road-occupation orders, violations, and cases in every state,
 * including 首违不罚.
 */
import fs from 'node:fs';
import path from 'node:path';
import { WORK_ORDER_COLUMNS } from '../hotline/workOrder';
import type { DemoCity, DemoProject } from './city';
import { Random } from './random';

const SEED_OFFSET = 3003;
const NIGHT_HOURS = [22, 23, 0, 1, 2, 3, 4, 5];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红';

type DaytimeCategory = 'DUST' | 'MUCK' | 'CONSTRUCTION_NOISE' | 'ROAD_OCCUPATION' | 'ILLEGAL_CONSTRUCTION';
const CONTENT: Record<DaytimeCategory | 'NIGHT_CONSTRUCTION_NOISE', string[]> = {
  NIGHT_CONSTRUCTION_NOISE: ['工地深夜仍在浇筑混凝土，噪音很大，无法入睡', '凌晨工地机械作业声音刺耳，严重扰民', '夜里十一点后还在打桩，请求处理'],
  DUST: ['工地未覆盖裸土，风一吹扬尘严重', '工地出入口车辆未冲洗，道路扬尘大', '拆除作业未洒水降尘'],
  MUCK: ['渣土车未密闭运输，沿路撒漏', '夜间有渣土车乱倒建筑垃圾', '渣土车带泥上路，路面脏污'],
  CONSTRUCTION_NOISE: ['白天施工电锯声音过大', '午休时间工地噪音大'],
  ROAD_OCCUPATION: ['工地材料堆放占用人行道', '围挡占用机动车道影响通行'],
  ILLEGAL_CONSTRUCTION: ['工地内私自加盖临时建筑', '项目疑似超出规划范围施工'],
};
const CATEGORY_LABELS = {
  NIGHT_CONSTRUCTION_NOISE: '夜间施工扰民', CONSTRUCTION_NOISE: '施工噪声', DUST: '扬尘', MUCK: '渣土',
  ILLEGAL_CONSTRUCTION: '违法建设', ROAD_OCCUPATION: '占道施工',
} as const;
const LEGAL_BASIS: Record<string, string> = {
  DUST: '《中华人民共和国大气污染防治法》第一百一十五条',
  MUCK: '《城市建筑垃圾管理规定》第二十三条',
  ROAD_OCCUPATION: '《城市道路管理条例》第四十二条',
  ILLEGAL_CONSTRUCTION: '《中华人民共和国城乡规划法》第六十四条',
  NIGHT_CONSTRUCTION_NOISE: '《中华人民共和国噪声污染防治法》第七十七条',
};

interface WorkOrder {
  receivedAt: number;
  category: keyof typeof CATEGORY_LABELS;
  project: DemoProject | null;
  district: string;
  address: string;
  lng: number | null;
  lat: number | null;
  callerName: string;
  callerPhone: string;
  content: string;
  orderNo?: string;
}

/** Epoch ms of a city-local (UTC+8) wall-clock time on day `day` of the monitoring period. */
function localInstant(city: DemoCity, day: number, hour: number, minute: number, second: number): number {
  const [y, m, d] = city.monitoringFrom.split('-').map(Number);
  return Date.UTC(y, m - 1, d + day, hour, minute, second) - 8 * 3_600_000;
}

function localText(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}

function csvField(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

function caller(r: Random): { name: string; phone: string } {
  if (r.chance(0.15)) return { name: '', phone: '' }; // anonymous caller
  const name = r.pick(SURNAMES.split('')) + r.pick(GIVEN.split('')) + (r.chance(0.5) ? r.pick(GIVEN.split('')) : '');
  return { name: r.chance(0.2) ? name[0] + (r.chance(0.5) ? '先生' : '女士') : name, phone: `1${r.pick(['3', '5', '7', '8'])}${String(r.int(0, 999_999_999)).padStart(9, '0')}` };
}

function orderAt(r: Random, city: DemoCity, p: DemoProject | null, district: { code: string; lng: number; lat: number }, category: WorkOrder['category'], at: number): WorkOrder {
  const who = caller(r);
  const near = (v: number, spread: number) => Number((v + (r.next() - 0.5) * spread).toFixed(6));
  return {
    receivedAt: at, category, project: p, district: district.code,
    address: p ? `${p.address}附近` : `${city.name}${district.code}辖区`,
    lng: r.chance(0.7) ? near(p?.lng ?? district.lng, 0.004) : null,
    lat: null as number | null,
    callerName: who.name, callerPhone: who.phone, content: r.pick(CONTENT[category]),
  };
}

function workOrders(city: DemoCity, r: Random): WorkOrder[] {
  const orders: WorkOrder[] = [];
  const night = new Set(city.planted.nightNoise);
  const dayAt = () => localInstant(city, r.int(0, city.monitoringDays - 1), r.int(8, 19), r.int(0, 59), r.int(0, 59));
  for (const p of city.projects) {
    const district = city.districts.find((d) => d.code === p.district)!;
    if (night.has(p.code)) {
      const count = r.int(3, 5);
      // The last evening is left out so that an order after midnight stays inside the period. Short
      // periods (tests seed a day or two) have fewer evenings than orders: then evenings repeat.
      const evenings = Math.max(1, city.monitoringDays - 1);
      const days = new Set<number>();
      while (days.size < Math.min(count, evenings)) days.add(r.int(0, evenings - 1));
      const chosen = [...days];
      while (chosen.length < count) chosen.push(r.int(0, evenings - 1));
      for (const day of chosen.sort((a, b) => a - b)) {
        const hour = r.pick(NIGHT_HOURS);
        // Hours after midnight belong to the night that began the previous evening.
        orders.push(orderAt(r, city, p, district, 'NIGHT_CONSTRUCTION_NOISE', localInstant(city, hour < 6 ? day + 1 : day, hour, r.int(0, 59), r.int(0, 59))));
      }
    }
    if (r.chance(0.4)) {
      for (let n = r.int(1, 3); n > 0; n--) {
        orders.push(orderAt(r, city, p, district, r.pick(['DUST', 'DUST', 'MUCK', 'CONSTRUCTION_NOISE', 'ROAD_OCCUPATION'] as const), dayAt()));
      }
    }
  }
  // Orders the dispatcher could not match to any registered project.
  for (let n = Math.max(5, Math.round(city.projects.length / 6)); n > 0; n--) {
    const d = r.pick(city.districts);
    orders.push(orderAt(r, city, null, d, r.pick(['DUST', 'MUCK', 'ILLEGAL_CONSTRUCTION'] as const), dayAt()));
  }
  for (const o of orders) if (o.lng !== null) o.lat = Number(((o.project?.lat ?? city.districts.find((d) => d.code === o.district)!.lat) + (r.next() - 0.5) * 0.004).toFixed(6));
  orders.sort((a, b) => a.receivedAt - b.receivedAt);
  const perDay = new Map<string, number>();
  for (const o of orders) {
    const day = localText(o.receivedAt).slice(0, 10).replace(/-/g, '');
    const seq = (perDay.get(day) ?? 0) + 1;
    perDay.set(day, seq);
    o.orderNo = `GD${day}${String(seq).padStart(5, '0')}`;
  }
  return orders;
}

function hotlineCsv(orders: WorkOrder[], r: Random, periodEnd: number): string {
  const header = Object.values(WORK_ORDER_COLUMNS).join(',');
  const rows = orders.map((o) => {
    const replied = o.receivedAt + r.int(1, 5) * 86_400_000 < periodEnd && r.chance(0.8);
    const status = replied ? r.pick(['已答复', '已办结']) : r.pick(['已受理', '已派单', '办理中']);
    const values: Record<keyof typeof WORK_ORDER_COLUMNS, string> = {
      orderNo: o.orderNo!, receivedAt: localText(o.receivedAt), category: CATEGORY_LABELS[o.category], district: o.district,
      address: o.address, lng: o.lng === null ? '' : String(o.lng), lat: o.lat === null ? '' : String(o.lat),
      callerName: o.callerName, callerPhone: o.callerPhone, content: o.content, projectCode: o.project?.code ?? '', status,
      reply: replied ? '已转辖区执法中队现场核查，责令施工单位整改。' : '',
      repliedAt: replied ? localText(o.receivedAt + r.int(1, 3) * 86_400_000) : '',
    };
    return (Object.keys(WORK_ORDER_COLUMNS) as (keyof typeof WORK_ORDER_COLUMNS)[]).map((k) => csvField(values[k])).join(',');
  });
  return [header, ...rows].join('\r\n') + '\r\n';
}

const CASE_PATHS = [
  ['FILED'], ['FILED', 'INVESTIGATING'], ['FILED', 'INVESTIGATING', 'DECIDED'],
  ['FILED', 'INVESTIGATING', 'DECIDED', 'EXECUTING'], ['FILED', 'INVESTIGATING', 'DECIDED', 'EXECUTING', 'CLOSED'],
];

function enforcementRecords(city: DemoCity, orders: WorkOrder[], r: Random): Record<string, unknown>[] {
  const records: Record<string, unknown>[] = [];
  const night = new Set(city.planted.nightNoise);
  let violationSeq = 0;
  let caseSeq = 0;
  const addCase = (v: Record<string, unknown>, p: DemoProject | null, foundAt: number, path: string[], options: { noPenalty?: boolean; partyName?: string; partyUscc?: string | null } = {}) => {
    let t = foundAt;
    const history = path.map((state) => ({ state, at: localText((t += r.int(1, 5) * 86_400_000 + r.int(0, 8) * 3_600_000)) }));
    const decided = path.includes('DECIDED');
    const type = String(v.type);
    records.push({
      kind: 'case', caseNo: `临城综执罚〔2026〕${String(++caseSeq).padStart(4, '0')}号`, type, district: v.district,
      projectCode: p?.code ?? null, violationNo: v.violationNo ?? null,
      partyUscc: options.partyUscc === undefined ? v.enterpriseUscc : options.partyUscc, partyName: options.partyName ?? null,
      history, firstViolationNoPenalty: options.noPenalty ?? false,
      penaltyAmount: decided && !options.noPenalty ? r.int(1, 10) * 10_000 : null,
      legalBasis: decided ? (options.noPenalty ? '《中华人民共和国行政处罚法》第三十三条' : LEGAL_BASIS[type]) : null,
      internalNotes: `${path.length > 1 ? '已现场勘验、制作询问笔录' : '待现场勘验'}；承办人编号 ${r.int(1000, 9999)}`,
    });
  };
  const addViolation = (p: DemoProject, type: string, source: 'PATROL' | 'COMPLAINT', at: number, uscc: string, orderNo: string | null) => {
    const v = {
      kind: 'violation', violationNo: `WF${localText(at).slice(0, 10).replace(/-/g, '')}${String(++violationSeq).padStart(4, '0')}`,
      type, source, foundAt: localText(at), district: p.district, projectCode: p.code, enterpriseUscc: uscc,
      complaintOrderNo: orderNo, description: `${p.name}：${source === 'PATROL' ? '巡查发现' : '接诉核查发现'}${CATEGORY_LABELS[type as keyof typeof CATEGORY_LABELS]}问题`,
    };
    records.push(v);
    return v;
  };

  for (const p of city.projects) {
    const own = orders.filter((o) => o.project === p);
    if (night.has(p.code)) {
      const first = own.find((o) => o.category === 'NIGHT_CONSTRUCTION_NOISE')!;
      const v = addViolation(p, 'NIGHT_CONSTRUCTION_NOISE', 'COMPLAINT', first.receivedAt + 36 * 3_600_000, p.contractorUscc, first.orderNo!);
      addCase(v, p, first.receivedAt + 36 * 3_600_000, CASE_PATHS[1]);
      continue;
    }
    if (!r.chance(0.18)) continue;
    const complaint = own.find((o) => o.category !== 'CONSTRUCTION_NOISE');
    const type = complaint?.category ?? r.pick(['DUST', 'MUCK', 'ROAD_OCCUPATION', 'ILLEGAL_CONSTRUCTION'] as const);
    const at = complaint ? complaint.receivedAt + r.int(4, 48) * 3_600_000 : localInstant(city, r.int(0, city.monitoringDays - 1), r.int(9, 17), r.int(0, 59), 0);
    const uscc = type === 'ILLEGAL_CONSTRUCTION' ? p.builderUscc : p.contractorUscc;
    const v = addViolation(p, type, complaint ? 'COMPLAINT' : 'PATROL', at, uscc, complaint?.orderNo ?? null);
    if (r.chance(0.25)) continue; // corrected on the spot, no case
    if (r.chance(0.25)) addCase(v, p, at, ['FILED', 'INVESTIGATING', 'DECIDED', 'CLOSED'], { noPenalty: true });
    else addCase(v, p, at, r.pick(CASE_PATHS));
  }
  // An individual's 违法建设 outside any project: the party is a person, not an enterprise.
  const d = city.districts[0];
  const at = localInstant(city, 3, 10, 30, 0);
  addCase({ type: 'ILLEGAL_CONSTRUCTION', district: d.code }, null, at, CASE_PATHS[2], { partyName: '张建华', partyUscc: null });
  return records;
}

export async function writeCitymgmtFiles(city: DemoCity, dir: string): Promise<{ source: string; file: string }[]> {
  const r = new Random(city.seed + SEED_OFFSET);
  const orders = workOrders(city, r);
  const periodEnd = localInstant(city, city.monitoringDays, 0, 0, 0);
  const hotlineFile = path.join(dir, 'citymgmt-12345-work-orders.csv');
  const enforcementFile = path.join(dir, 'citymgmt-enforcement.json');
  await fs.promises.writeFile(hotlineFile, hotlineCsv(orders, r, periodEnd), 'utf8');
  const records = enforcementRecords(city, orders, r);
  await fs.promises.writeFile(enforcementFile, `{"exportedBy":"综合执法办案系统","records":[\n${records.map((x) => JSON.stringify(x)).join(',\n')}\n]}\n`, 'utf8');
  return [
    { source: 'hotline', file: hotlineFile },
    { source: 'enforcement', file: enforcementFile },
  ];
}
