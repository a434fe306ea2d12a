/**
 * The demo city: a deterministic model of one prefecture-level city's construction projects, from
 * which each department's generator (adapters/demo/<dept>.ts) writes that department's native files.
 * The same (projects, seed) always gives the same city.
 *
 * Planted situations, for the features that must find them:
 * - arrears: projects where some workers have attendance but missing or short pay after the pay date;
 * - nightNoise: sites with night-time noise exceedances, matching hotline complaints, no night-work permit;
 * - overBuilt: projects whose reported floor area or height exceeds the planning permit;
 * - badUscc: enterprises whose credit code fails the GB 32100 checksum;
 * - blacklisted: enterprises on the arrears blacklist in force (the general contractor of the first arrears project).
 */
import { idCheckChar } from '../../domain/idNumber';
import { USCC_ALPHABET, usccCheckChar } from '../../domain/uscc';
import { Random } from './random';

/** 临沂市 (Linyi, Shandong): six of its GB/T 2260 county-level codes, with approximate centres. */
export const DEMO_DISTRICTS = [
  { code: '371302', name: '兰山区', lng: 118.347, lat: 35.051 },
  { code: '371311', name: '罗庄区', lng: 118.284, lat: 34.997 },
  { code: '371312', name: '河东区', lng: 118.402, lat: 35.089 },
  { code: '371321', name: '沂南县', lng: 118.465, lat: 35.55 },
  { code: '371322', name: '郯城县', lng: 118.367, lat: 34.613 },
  { code: '371323', name: '沂水县', lng: 118.628, lat: 35.79 },
] as const;
export const DEMO_CITY_NAME = '临沂市';

export type EnterpriseRole = 'BUILDER' | 'CONTRACTOR' | 'SUPERVISOR' | 'DESIGNER' | 'SURVEYOR';

export interface DemoEnterprise {
  uscc: string;
  name: string;
  /** The role it mostly plays. */
  kind: EnterpriseRole;
  district: string;
  checksumValid: boolean;
}

export interface DemoWorker {
  idNumber: string;
  name: string;
  phone: string;
  bankAccount: string;
  projectCode: string;
  /** Credit code of the employing (sub)contractor — here the general contractor. */
  employerUscc: string;
  trade: string;
  /** Agreed daily wage in yuan. */
  dailyWage: number;
}

export interface DemoProject {
  code: string;
  name: string;
  district: string;
  districtName: string;
  address: string;
  lng: number;
  lat: number;
  status: 'IN_PROGRESS' | 'SUSPENDED' | 'COMPLETED';
  kind: string;
  builderUscc: string;
  contractorUscc: string;
  supervisorUscc: string;
  designerUscc: string;
  surveyorUscc: string;
  /** 施工许可证 number and dates. */
  permitNo: string;
  permitIssuedOn: string;
  startedOn: string;
  /** Land parcel (宗地) code and planning permit numbers. */
  parcelCode: string;
  landPlanningPermitNo: string;
  engineeringPermitNo: string;
  approvedFloorArea: number;
  approvedHeight: number;
  approvedUse: string;
  /** Latest reported as-built values (progress reports). */
  reportedFloorArea: number;
  reportedHeight: number;
  progressPercent: number;
  /** HJ 212 MN of the site's dust+noise monitor (ST=39), if it has one. */
  stationMn: string | null;
  /** Whether the site holds a night-work permit (夜间施工许可) for the demo period. */
  nightWorkPermit: boolean;
  contractValue: number;
}

export interface PlantedArrears {
  projectCode: string;
  month: string;
  /** Workers affected: ID numbers. */
  idNumbers: string[];
  kind: 'missing' | 'short';
}

export interface DemoCity {
  seed: number;
  name: string;
  districts: typeof DEMO_DISTRICTS;
  /** Calendar months with attendance and payroll, e.g. ['2026-09', '2026-10']. */
  months: string[];
  /** Day of the following month by which a month's wages must be paid. */
  payDay: number;
  /** First day of the 30 days of monitoring data (UTC+8 local dates). */
  monitoringFrom: string;
  monitoringDays: number;
  projects: DemoProject[];
  enterprises: DemoEnterprise[];
  workers: DemoWorker[];
  planted: {
    arrears: PlantedArrears[];
    nightNoise: string[];
    overBuilt: string[];
    badUscc: string[];
    /** Credit codes on the arrears blacklist (拖欠农民工工资失信联合惩戒对象名单), in force from `blacklistedOn`. */
    blacklisted: string[];
  };
  /** The day the planted listings were published: after the later month's arrears fell overdue. */
  blacklistedOn: string;
}

export interface CityOptions {
  projects?: number;
  seed?: number;
  workersPerProject?: number;
  /** Days of monitoring data (default 30); tests use fewer to seed faster. */
  monitoringDays?: number;
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志文斌宇浩凯鹏飞俊辉鑫波海峰亮成林新春东晨雪梅宁晶';
const TRADES = ['木工', '钢筋工', '混凝土工', '瓦工', '架子工', '电工', '焊工', '普工', '水暖工', '油漆工'];
const KINDS = ['住宅', '商业综合体', '学校', '医院', '厂房', '安置房', '道路配套用房', '办公楼'];
const ROADS = ['沂蒙路', '解放路', '通达路', '北京路', '上海路', '金雀山路', '蒙山大道', '滨河大道', '工业大道', '启阳路'];
const NAME_WORDS = ['鲁南', '沂蒙', '金鼎', '华夏', '恒信', '宏达', '安泰', '建邦', '瑞丰', '正元', '中盛', '天元', '琅琊', '银雀', '兴业', '东方'];
const ROLE_SUFFIX: Record<EnterpriseRole, string> = {
  BUILDER: '置业有限公司',
  CONTRACTOR: '建设集团有限公司',
  SUPERVISOR: '工程监理有限公司',
  DESIGNER: '建筑设计研究院有限公司',
  SURVEYOR: '岩土勘察有限公司',
};

function chineseName(r: Random): string {
  return r.pick(SURNAMES.split('')) + r.pick(GIVEN.split('')) + (r.chance(0.6) ? r.pick(GIVEN.split('')) : '');
}

function makeUscc(r: Random, district: string, valid: boolean): string {
  let body = '91' + district;
  for (let i = 0; i < 9; i++) body += USCC_ALPHABET[r.int(0, 30)];
  const check = usccCheckChar(body);
  if (valid) return body + check;
  // A well-formed code whose check character is wrong.
  const wrong = USCC_ALPHABET[(USCC_ALPHABET.indexOf(check) + r.int(1, 30)) % 31];
  return body + wrong;
}

function makeIdNumber(r: Random, district: string, used: Set<string>): string {
  for (;;) {
    const year = r.int(1966, 2004);
    const month = String(r.int(1, 12)).padStart(2, '0');
    const day = String(r.int(1, 28)).padStart(2, '0');
    const order = String(r.int(1, 999)).padStart(3, '0');
    const first17 = `${district}${year}${month}${day}${order}`;
    const id = first17 + idCheckChar(first17);
    if (!used.has(id)) {
      used.add(id);
      return id;
    }
  }
}

function makeProjectCode(r: Random, year: number, district: string): string {
  const digits = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  let tail = '';
  for (let i = 0; i < 6; i++) tail += digits[r.int(0, i < 5 ? 33 : 9)];
  return `${year}-${district}-47-${r.pick(['01', '02', '03'])}-${tail}`;
}

function makeMn(index: number): string {
  // 24 characters like the 2017 samples: vendor prefix + running number.
  return `8888888000${String(index + 1).padStart(8, "0")}CSD371`;
}

/** Projects in the default demo city (a county-sized city that seeds quickly). */
export const DEFAULT_PROJECTS = 100;

export function generateCity(options: CityOptions = {}): DemoCity {
  const projectCount = options.projects ?? DEFAULT_PROJECTS;
  const seed = options.seed ?? 20261123;
  const perProject = options.workersPerProject ?? 40;
  const r = new Random(seed);
  const enterprises: DemoEnterprise[] = [];
  const usedUscc = new Set<string>();
  const usedIds = new Set<string>();

  const newEnterprise = (kind: EnterpriseRole, district: string, valid = true): DemoEnterprise => {
    let uscc: string;
    do uscc = makeUscc(r, district, valid);
    while (usedUscc.has(uscc));
    usedUscc.add(uscc);
    const e = { uscc, name: `${DEMO_CITY_NAME.slice(0, 2)}${r.pick(NAME_WORDS)}${r.pick(NAME_WORDS)}${ROLE_SUFFIX[kind]}`, kind, district, checksumValid: valid };
    enterprises.push(e);
    return e;
  };

  // Shared pools: supervisors, designers and surveyors serve many projects.
  const poolSize = Math.max(3, Math.round(projectCount / 10));
  const supervisors = Array.from({ length: poolSize }, () => newEnterprise('SUPERVISOR', r.pick(DEMO_DISTRICTS).code));
  const designers = Array.from({ length: Math.max(2, Math.round(poolSize / 2)) }, () => newEnterprise('DESIGNER', r.pick(DEMO_DISTRICTS).code));
  const surveyors = Array.from({ length: Math.max(2, Math.round(poolSize / 2)) }, () => newEnterprise('SURVEYOR', r.pick(DEMO_DISTRICTS).code));

  const projects: DemoProject[] = [];
  const workers: DemoWorker[] = [];
  const planted: DemoCity['planted'] = { arrears: [], nightNoise: [], overBuilt: [], badUscc: [], blacklisted: [] };
  const months = ['2026-09', '2026-10'];
  const usedCodes = new Set<string>();

  // Contractors: roughly one per 1.5 projects, so some contractors hold several projects.
  const contractors: DemoEnterprise[] = [];
  for (let i = 0; i < projectCount; i++) {
    const d = DEMO_DISTRICTS[i % DEMO_DISTRICTS.length];
    let code: string;
    do code = makeProjectCode(r, r.int(2023, 2026), d.code);
    while (usedCodes.has(code));
    usedCodes.add(code);
    // Every 25th builder carries a credit code that fails the checksum (planted).
    const builder = newEnterprise('BUILDER', d.code, i % 25 !== 7);
    if (!builder.checksumValid) planted.badUscc.push(builder.uscc);
    const contractor = contractors.length > 2 && r.chance(0.35) ? r.pick(contractors) : newEnterprise('CONTRACTOR', d.code);
    if (!contractors.includes(contractor)) contractors.push(contractor);
    const approvedFloorArea = Math.round(r.int(8_000, 120_000) / 10) * 10;
    const approvedHeight = r.int(18, 99);
    // Every 20th project (offset 3) is over-built (planted); others stay within the permit.
    const overBuilt = i % 20 === 3;
    const progress = r.int(15, 100);
    const reportedFloorArea = overBuilt
      ? Math.round(approvedFloorArea * (1.04 + r.next() * 0.08))
      : Math.round(approvedFloorArea * Math.min(1, progress / 100) * (0.9 + r.next() * 0.09));
    const reportedHeight = overBuilt ? approvedHeight + r.int(2, 6) : Math.min(approvedHeight, Math.round(approvedHeight * (progress / 100) + 0.5));
    if (overBuilt) planted.overBuilt.push(code);
    const hasStation = i % 10 < 7 || i % 20 === 5;
    const nightNoise = i % 20 === 5;
    if (nightNoise) planted.nightNoise.push(code);
    const startYear = Number(code.slice(0, 4));
    const p: DemoProject = {
      code,
      name: `${d.name}${r.pick(NAME_WORDS)}${r.pick(KINDS)}项目${i + 1}期`,
      district: d.code,
      districtName: d.name,
      address: `${DEMO_CITY_NAME}${d.name}${r.pick(ROADS)}${r.int(1, 999)}号`,
      lng: Number((d.lng + (r.next() - 0.5) * 0.08).toFixed(6)),
      lat: Number((d.lat + (r.next() - 0.5) * 0.06).toFixed(6)),
      status: i % 17 === 11 ? 'SUSPENDED' : 'IN_PROGRESS',
      kind: r.pick(KINDS),
      builderUscc: builder.uscc,
      contractorUscc: contractor.uscc,
      supervisorUscc: r.pick(supervisors).uscc,
      designerUscc: r.pick(designers).uscc,
      surveyorUscc: r.pick(surveyors).uscc,
      permitNo: `${d.code}${startYear}${String(i + 1).padStart(4, '0')}0101`,
      permitIssuedOn: `${startYear}-${String(r.int(1, 6)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`,
      startedOn: `${startYear}-${String(r.int(7, 9)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`,
      parcelCode: `${d.code}${String(r.int(1, 999)).padStart(3, '0')}GB${String(i + 1).padStart(5, '0')}`,
      landPlanningPermitNo: `地字第${d.code}${startYear}${String(i + 1).padStart(5, '0')}号`,
      engineeringPermitNo: `建字第${d.code}${startYear}${String(i + 1).padStart(5, '0')}号`,
      approvedFloorArea,
      approvedHeight,
      approvedUse: p_use(r),
      reportedFloorArea,
      reportedHeight,
      progressPercent: progress,
      stationMn: hasStation ? makeMn(i) : null,
      nightWorkPermit: !nightNoise && r.chance(0.2),
      contractValue: Math.round(approvedFloorArea * r.int(2500, 4500)),
    };
    projects.push(p);

    for (let w = 0; w < perProject; w++) {
      const home = r.chance(0.7) ? d.code : r.pick(['370302', '371326', '371327', '410522', '341221', '320321']);
      workers.push({
        idNumber: makeIdNumber(r, home, usedIds),
        name: chineseName(r),
        phone: `1${r.pick(['3', '5', '7', '8'])}${String(r.int(0, 999_999_999)).padStart(9, '0')}`,
        bankAccount: `6217${String(r.int(0, 99_999_999)).padStart(8, '0')}${String(r.int(0, 9_999_999)).padStart(7, '0')}`,
        projectCode: code,
        employerUscc: contractor.uscc,
        trade: r.pick(TRADES),
        dailyWage: r.int(18, 45) * 10,
      });
    }

    // Every 12th project (offset 2) has wage arrears in the later month (planted).
    if (i % 12 === 2) {
      const affected = workers.slice(workers.length - perProject, workers.length - perProject + r.int(5, 12)).map((w) => w.idNumber);
      planted.arrears.push({ projectCode: code, month: months[1], idNumbers: affected, kind: i % 24 === 2 ? 'missing' : 'short' });
    }
  }

  // The general contractor of the first arrears project is listed (an order to pay it did not heed, in the story).
  const listed = planted.arrears[0] && projects.find((p) => p.code === planted.arrears[0].projectCode);
  if (listed) planted.blacklisted.push(listed.contractorUscc);

  return {
    seed,
    name: DEMO_CITY_NAME,
    districts: DEMO_DISTRICTS,
    months,
    payDay: 15,
    blacklistedOn: '2026-11-30',
    monitoringFrom: '2026-10-01',
    monitoringDays: options.monitoringDays ?? 30,
    projects,
    enterprises,
    workers,
    planted,
  };
}

function p_use(r: Random): string {
  return r.pick(['住宅用地', '商业用地', '教育用地', '医疗卫生用地', '工业用地']);
}
