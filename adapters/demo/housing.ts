/**
 * 住建's native files for the demo city, as the provincial construction platform exports them:
 * permits.json (every project with its permit and all five participants) and progress.json (monthly
 * progress reports). The latest report of each project carries the city's reported floor area and
 * height, so exactly the planted `overBuilt` projects exceed their approved values; earlier reports
 * grow towards the latest one and never exceed it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { DemoCity, DemoProject, EnterpriseRole } from './city';
import { Random } from './random';

/** Offset of this generator's own random stream from the city seed. */
const HOUSING_SEED_OFFSET = 7101;
const INSPECTION_SEED_OFFSET = 7102;
/** At most this many monthly reports per project (older ones are archived by the platform). */
const MAX_REPORTS = 12;
const REPORT_DAY = '25';

const ROLE_LABEL: Record<EnterpriseRole, string> = {
  BUILDER: '建设单位', CONTRACTOR: '施工单位', SUPERVISOR: '监理单位', DESIGNER: '设计单位', SURVEYOR: '勘察单位',
};
const STATUS_LABEL: Record<DemoProject['status'], string> = { IN_PROGRESS: '在建', SUSPENDED: '停工', COMPLETED: '竣工' };
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const GIVEN = '建军国强志伟明华永刚海涛立新春雷';
const REMARKS = ['资料齐全', '现场核查与填报一致', '已提醒按期填报', '安全文明施工措施到位', '需补充隐蔽工程验收记录'];

function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m++;
    if (m > 12) { m = 1; y++; }
  }
  return out;
}

function permitRecord(p: DemoProject, city: DemoCity, r: Random) {
  const names = new Map(city.enterprises.map((e) => [e.uscc, e.name]));
  const roles: [EnterpriseRole, string][] = [
    ['BUILDER', p.builderUscc], ['CONTRACTOR', p.contractorUscc], ['SUPERVISOR', p.supervisorUscc],
    ['DESIGNER', p.designerUscc], ['SURVEYOR', p.surveyorUscc],
  ];
  return {
    projectCode: p.code,
    projectName: p.name,
    districtCode: p.district,
    districtName: p.districtName,
    address: p.address,
    status: STATUS_LABEL[p.status],
    lng: p.lng,
    lat: p.lat,
    permitNo: p.permitNo,
    issueDate: p.permitIssuedOn,
    contractPrice: p.contractValue,
    projectManager: {
      name: r.pick(SURNAMES.split('')) + r.pick(GIVEN.split('')) + r.pick(GIVEN.split('')),
      phone: `1${r.pick(['3', '5', '8'])}${String(r.int(0, 999_999_999)).padStart(9, '0')}`,
    },
    reviewNote: r.chance(0.3) ? '已核验施工图审查合格书及资金落实证明' : null,
    participants: roles.map(([role, uscc]) => ({ role: ROLE_LABEL[role], uscc, name: names.get(uscc) ?? uscc })),
  };
}

function progressRecords(p: DemoProject, city: DemoCity, r: Random) {
  const last = city.months[city.months.length - 1];
  const months = monthsBetween(p.startedOn.slice(0, 7), last).slice(-MAX_REPORTS);
  return months.map((month, i) => {
    // Linear growth towards the latest values, which are the city's reported ones.
    const f = (i + 1) / months.length;
    const height = Math.round(p.reportedHeight * f * 10) / 10;
    return {
      projectCode: p.code,
      reportDate: `${month}-${REPORT_DAY}`,
      progressPercent: Math.round(p.progressPercent * f * 10) / 10,
      floorArea: Math.round(p.reportedFloorArea * f * 10) / 10,
      height,
      storeys: Math.floor(height / 3),
      inspectorRemark: r.chance(0.15) ? r.pick(REMARKS) : null,
    };
  });
}

/** 1–3 quality/safety inspections per site since it started; none orders a stop (no accidental findings). */
function inspectionRecords(p: DemoProject, index: number, city: DemoCity, r: Random) {
  const last = city.months[city.months.length - 1];
  const months = monthsBetween(p.startedOn.slice(0, 7), last).slice(-MAX_REPORTS);
  const count = r.int(1, 3);
  return Array.from({ length: count }, (_, k) => {
    const month = months[Math.min(months.length - 1, Math.floor(((k + 1) * months.length) / (count + 1)))];
    const rectify = r.chance(0.2);
    return {
      recordType: 'inspection',
      inspectionNo: `ZA${p.district}${String(index + 1).padStart(4, '0')}${k + 1}`,
      projectCode: p.code,
      inspectedOn: `${month}-${String(r.int(1, 20)).padStart(2, '0')}`,
      kind: r.chance(0.5) ? '质量' : '安全',
      outcome: rectify ? '责令整改' : '合格',
      issuesFound: rectify ? r.int(1, 4) : 0,
      inspectorRemark: rectify ? r.pick(['临边防护不到位', '钢筋保护层厚度不足', '脚手架连墙件缺失']) : null,
    };
  });
}

/** Writes one JSON array with one record per line (the platform's export layout). */
function writeJsonArray(file: string, records: unknown[]): void {
  fs.writeFileSync(file, '[\n' + records.map((x) => JSON.stringify(x)).join(',\n') + '\n]\n');
}

export async function writeHousingFiles(city: DemoCity, dir: string): Promise<{ source: string; file: string }[]> {
  fs.mkdirSync(dir, { recursive: true });
  const r = new Random(city.seed + HOUSING_SEED_OFFSET);
  const permitsFile = path.join(dir, 'permits.json');
  const progressFile = path.join(dir, 'progress.json');
  writeJsonArray(permitsFile, city.projects.map((p) => permitRecord(p, city, r)));
  const ri = new Random(city.seed + INSPECTION_SEED_OFFSET);
  writeJsonArray(progressFile, city.projects.flatMap((p, i) => [...progressRecords(p, city, r), ...inspectionRecords(p, i, city, ri)]));
  // Permits first: progress reports refer to registered projects.
  return [{ source: 'permits', file: permitsFile }, { source: 'progress', file: progressFile }];
}
