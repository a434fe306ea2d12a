/**
 * 人社's published arrears blacklist (拖欠农民工工资失信联合惩戒对象名单) for the demo city, as the CSV the
 * `arrears-blacklist` adapter reads: one listing per `city.planted.blacklisted` enterprise, in force from
 * `city.blacklistedOn` (3-year term unless removed), so the risk view's only source of enterprise RED has a case.
 */
import fs from 'node:fs';
import path from 'node:path';
import { BLACKLIST_COLUMNS } from '../arrears-blacklist/record';
import type { DemoCity } from './city';

export async function writeBlacklistFiles(city: DemoCity, dir: string): Promise<{ source: string; file: string }[]> {
  const names = new Map(city.enterprises.map((e) => [e.uscc, e.name]));
  const year = city.blacklistedOn.slice(0, 4);
  const rows = city.planted.blacklisted.map((uscc, i) => ({
    决定文书号: `临人社失信〔${year}〕${i + 1}号`,
    统一社会信用代码: uscc,
    单位名称: names.get(uscc) ?? '',
    列入日期: city.blacklistedOn,
    列入事由: `拒不支付${city.months[city.months.length - 1]}劳动报酬，经责令限期支付逾期未付`,
    移出日期: '',
  }));
  const file = path.join(dir, 'hrss-arrears-blacklist.csv');
  const lines = [BLACKLIST_COLUMNS.join(','), ...rows.map((r) => BLACKLIST_COLUMNS.map((c) => r[c]).join(','))];
  await fs.promises.writeFile(file, lines.join('\r\n') + '\r\n', 'utf8');
  return [{ source: 'arrears-blacklist', file }];
}
