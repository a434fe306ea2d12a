/**
 * 人社's native files for the demo city:
 * - hrss-workers.csv: the real-name roster (实名制花名册), UTF-8;
 * - hrss-attendance.csv: the real-name system's daily attendance export, UTF-8, a worker's days together;
 * - hrss-payroll.csv: the bank's 总包代发 return file, GB18030 as Chinese banks write it.
 * Every worker works Monday–Saturday (minus a few random days off) in every month of `city.months`
 * and is paid in full on the 10th of the following month, before the pay day — EXCEPT the planted
 * arrears: for `kind: 'missing'` the affected workers have no pay line for that month, for
 * `kind: 'short'` they are paid about 60% of what they earned. Nothing else is late or short.
 */
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import type { DemoCity, DemoWorker } from './city';
import { Random } from './random';

/** Offset of this generator's own random stream from the city seed. */
const HRSS_SEED_OFFSET = 4404;
const PAID_ON_DAY = 10;
const SHORT_FRACTION = 0.6;

const ROSTER_HEADER = '项目代码,用工单位统一社会信用代码,姓名,身份证号,手机号码,工种,日工资,工资卡号,进场日期';
const ATTENDANCE_HEADER = '项目代码,姓名,身份证号,考勤日期,进场时间,离场时间';
const PAYROLL_HEADER = '交易流水号,付款账号,付款单位统一社会信用代码,项目代码,工资所属期,收款人姓名,收款人身份证号,收款账号,金额,交易日期,交易状态';

/** Monday–Saturday dates of a month (construction sites work six days a week). */
export function workingDays(month: string): string[] {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const out: string[] = [];
  for (let d = 1; d <= last; d++) {
    if (new Date(Date.UTC(y, m - 1, d)).getUTCDay() !== 0) out.push(`${month}-${String(d).padStart(2, '0')}`);
  }
  return out;
}

function nextMonthDay(month: string, day: number): string {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, day)).toISOString().slice(0, 10);
}

/**
 * Days a worker worked in a month: the working days minus 0–2 days off. Each worker-month has its own
 * random stream, so the attendance and payroll writers recompute the same days without holding the
 * whole city's attendance in memory (a large city has ~500k workers).
 */
export function daysWorked(city: DemoCity, workerIndex: number, month: string): string[] {
  const r = new Random((city.seed + HRSS_SEED_OFFSET + workerIndex * 7919 + Number(month.replace('-', '')) * 104_729) >>> 0);
  const days = workingDays(month);
  const off = new Set(Array.from({ length: r.int(0, 2) }, () => r.int(0, days.length - 1)));
  return days.filter((_, i) => !off.has(i));
}

/** Entry date: the project's start, or the first demo month when the project started later. */
function enteredOn(city: DemoCity, startedOn: Map<string, string>, w: DemoWorker): string {
  const firstMonthStart = `${city.months[0]}-01`;
  const started = startedOn.get(w.projectCode) ?? firstMonthStart;
  return started < firstMonthStart ? started : firstMonthStart;
}

/** The project's 工资专用账户: a deterministic account number per project. */
function wageAccount(projectIndex: number): string {
  return `6228${String(480_000_000_000 + projectIndex).padStart(15, '0')}`;
}

async function writeLines(file: string, lines: Iterable<string>, encoding: 'utf8' | 'gb18030'): Promise<void> {
  const out = fs.createWriteStream(file);
  let buffer: string[] = [];
  const flush = async () => {
    if (!buffer.length) return;
    const text = buffer.join('');
    buffer = [];
    const bytes = encoding === 'utf8' ? Buffer.from(text, 'utf8') : iconv.encode(text, 'gb18030');
    if (!out.write(bytes)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  };
  for (const line of lines) {
    buffer.push(line + '\r\n');
    if (buffer.length >= 5000) await flush();
  }
  await flush();
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
}

export async function writeHrssFiles(city: DemoCity, dir: string): Promise<{ source: string; file: string }[]> {
  const projectIndex = new Map(city.projects.map((p, i) => [p.code, i]));
  const startedOn = new Map(city.projects.map((p) => [p.code, p.startedOn]));
  const planted = new Map<string, { kind: 'missing' | 'short' }>();
  for (const a of city.planted.arrears) for (const id of a.idNumbers) planted.set(`${a.month}|${id}`, { kind: a.kind });

  const rosterFile = path.join(dir, 'hrss-workers.csv');
  await writeLines(rosterFile, (function* () {
    yield ROSTER_HEADER;
    for (const w of city.workers) {
      yield [w.projectCode, w.employerUscc, w.name, w.idNumber, w.phone, w.trade, w.dailyWage.toFixed(2), w.bankAccount, enteredOn(city, startedOn, w)].join(',');
    }
  })(), 'utf8');

  const attendanceFile = path.join(dir, 'hrss-attendance.csv');
  await writeLines(attendanceFile, (function* () {
    yield ATTENDANCE_HEADER;
    for (const [i, w] of city.workers.entries()) {
      for (const month of city.months) {
        for (const day of daysWorked(city, i, month)) yield [w.projectCode, w.name, w.idNumber, day, '07:30', '17:30'].join(',');
      }
    }
  })(), 'utf8');

  const payrollFile = path.join(dir, 'hrss-payroll.csv');
  await writeLines(payrollFile, (function* () {
    yield PAYROLL_HEADER;
    let serial = 0;
    for (const month of city.months) {
      for (const [i, w] of city.workers.entries()) {
        serial++;
        const plant = planted.get(`${month}|${w.idNumber}`);
        if (plant?.kind === 'missing') continue;
        const due = daysWorked(city, i, month).length * w.dailyWage;
        const amount = plant?.kind === 'short' ? Math.round(due * SHORT_FRACTION) : due;
        yield [
          `ZBDF${month.replace('-', '')}${String(serial).padStart(8, '0')}`, wageAccount(projectIndex.get(w.projectCode)!), w.employerUscc,
          w.projectCode, month, w.name, w.idNumber, w.bankAccount, amount.toFixed(2), nextMonthDay(month, PAID_ON_DAY), '成功',
        ].join(',');
      }
    }
  })(), 'gb18030');

  return [
    { source: 'workers', file: rosterFile },
    { source: 'attendance', file: attendanceFile },
    { source: 'payroll', file: payrollFile },
  ];
}
