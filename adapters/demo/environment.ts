/**
 * 生态环境 demo files, written from the city model: stations.csv, night-permits.csv and one HJ 212
 * packet log with 15-minute data (CN=2051, ST=39: PM10, PM2.5, TSP and LA in one packet) for every
 * site with a monitor, over the city's 30 monitoring days.
 *
 * Planted: the city's nightNoise sites exceed the night limit (55 dB(A)) between 23:00 and 02:00 on
 * NIGHT_NOISE_NIGHTS nights. Every other value stays well inside every default rule
 * (subgraphs/environment/rules.json): day noise ≤ 66, night ≤ 50 dB(A); PM10 35..65 µg/m³, so neither
 * the absolute 80 µg/m³ limit nor the 50 µg/m³ background difference can be reached; TSP ≤ 300 µg/m³.
 *
 * Every station is registered with its own 6-digit access password (a generator of its own, so the
 * readings do not change with it) and its packets carry it: the hj212 source refuses any other.
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildFrame } from '../hj212/frame';
import { formatLocalTimestamp } from '../hj212/packet';
import type { DemoCity } from './city';
import { Random } from './random';

const SLOT_MS = 15 * 60_000;
const ENVIRONMENT_SEED_OFFSET = 212;
const PASSWORD_SEED_OFFSET = 2120;
/** Nights (0-based day index of the evening) on which planted sites work loudly after 23:00. */
export const NIGHT_NOISE_NIGHTS = [2, 5, 9, 13, 17, 22, 26];
const VENDORS = ['恒测环境科技', '鲁环监测设备', '沂蒙智慧工地'];

/** Local midnight (UTC+8) of a YYYY-MM-DD date, as epoch ms. */
function localMidnight(date: string): number {
  return Date.parse(`${date}T00:00:00+08:00`);
}

function localDate(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
}

function round1(n: number): string {
  return n.toFixed(1);
}

/** Whether a planted site is noisy in this slot: 23:00–02:00 local after one of the planted evenings. */
function plantedLoud(slotStart: number, from: number): boolean {
  const localHour = new Date(slotStart + 8 * 3_600_000).getUTCHours();
  if (localHour !== 23 && localHour > 1) return false;
  const evening = Math.floor((slotStart - from - (localHour === 23 ? 0 : 24 * 3_600_000)) / 86_400_000);
  return NIGHT_NOISE_NIGHTS.includes(evening);
}

function noiseLevel(r: Random, localHour: number): number {
  const night = localHour >= 22 || localHour < 6;
  return night ? 42 + r.next() * 8 : 55 + r.next() * 11;
}

export async function writeEnvironmentFiles(city: DemoCity, dir: string): Promise<{ source: string; file: string }[]> {
  const r = new Random(city.seed + ENVIRONMENT_SEED_OFFSET);
  const sites = city.projects.filter((p) => p.stationMn !== null);
  const planted = new Set(city.planted.nightNoise);

  const stationsFile = path.join(dir, 'environment-stations.csv');
  const passwords = new Random(city.seed + PASSWORD_SEED_OFFSET);
  const pw = sites.map(() => String(passwords.int(0, 999_999)).padStart(6, '0'));
  const stationRows = ['mn,projectCode,district,lng,lat,vendor,st,installedOn,pw'];
  sites.forEach((p, i) => {
    const installedOn = p.startedOn < city.monitoringFrom ? p.startedOn : city.monitoringFrom;
    stationRows.push([p.stationMn, p.code, p.district, (p.lng + 0.0004).toFixed(6), (p.lat - 0.0003).toFixed(6), r.pick(VENDORS), '39', installedOn, pw[i]].join(','));
  });
  fs.writeFileSync(stationsFile, stationRows.join('\n') + '\n');

  const permitsFile = path.join(dir, 'environment-night-permits.csv');
  const from = localMidnight(city.monitoringFrom);
  const lastDay = localDate(from + (city.monitoringDays - 1) * 86_400_000);
  const permitRows = ['permitNo,projectCode,from,to,nightFrom,nightTo,issuer,contactPhone'];
  city.projects.forEach((p, i) => {
    if (!p.nightWorkPermit) return;
    const phone = `1${r.pick(['3', '5', '8'])}${String(r.int(0, 999_999_999)).padStart(9, '0')}`;
    permitRows.push([`YJ-${p.district}-${city.monitoringFrom.slice(0, 4)}-${String(i + 1).padStart(4, '0')}`, p.code, city.monitoringFrom, lastDay, '22:00', '06:00', `${city.name}生态环境局${p.districtName}分局`, phone].join(','));
  });
  fs.writeFileSync(permitsFile, permitRows.join('\n') + '\n');

  // Per-site base levels, then one packet per site per 15 minutes, time-major like a forwarding server's log.
  const base = sites.map(() => ({ pm10: 42 + r.next() * 10, tsp: 120 + r.next() * 60 }));
  const packetsFile = path.join(dir, 'environment-hj212.log');
  const out = fs.createWriteStream(packetsFile);
  const slots = city.monitoringDays * 24 * 4;
  let chunk: string[] = [];
  for (let s = 0; s < slots; s++) {
    const slotStart = from + s * SLOT_MS;
    const dataTime = formatLocalTimestamp(new Date(slotStart));
    const qn = `${formatLocalTimestamp(new Date(slotStart + SLOT_MS + 5_000))}${String(s % 1000).padStart(3, '0')}`;
    const localHour = new Date(slotStart + 8 * 3_600_000).getUTCHours();
    sites.forEach((p, i) => {
      const pm10 = Math.min(65, Math.max(35, base[i].pm10 + (r.next() - 0.5) * 12));
      const pm25 = pm10 * (0.45 + r.next() * 0.1);
      const tsp = Math.min(300, base[i].tsp + r.next() * 40);
      const la = planted.has(p.code) && plantedLoud(slotStart, from) ? 60 + r.next() * 8 : noiseLevel(r, localHour);
      const segment =
        `QN=${qn};ST=39;CN=2051;PW=${pw[i]};MN=${p.stationMn};Flag=4;CP=&&DataTime=${dataTime};` +
        `a34002-Avg=${round1(pm10)},a34002-Flag=N;a34004-Avg=${round1(pm25)},a34004-Flag=N;` +
        `a34001-Avg=${round1(tsp)},a34001-Flag=N;LA-Avg=${round1(la)},LA-Flag=N&&`;
      chunk.push(buildFrame(segment));
    });
    if (chunk.length >= 5000) {
      if (!out.write(chunk.join(''))) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      chunk = [];
    }
  }
  out.write(chunk.join(''));
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));

  return [
    { source: 'stations', file: stationsFile },
    { source: 'night-permits', file: permitsFile },
    { source: 'hj212', file: packetsFile },
  ];
}
