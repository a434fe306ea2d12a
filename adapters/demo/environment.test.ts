/**
 * The environment demo files: deterministic for a city, and under the default rules the planted
 * night-noise sites are the only exceedances of the whole 30 days of the default city.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { parseHj212Frame } from '../hj212/ingest';
import { vendorCodes } from '../hj212/vendorCodes';
import { loadRuleSet } from '../../subgraphs/environment/rules/config';
import { findExceedances, type StationSamples } from '../../subgraphs/environment/rules/engine';
import { generateCity } from './city';
import { writeEnvironmentFiles } from './environment';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

async function write(projects: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'env-demo-'));
  dirs.push(dir);
  const city = generateCity({ projects });
  return { city, files: await writeEnvironmentFiles(city, dir) };
}

function digest(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

test('the same city gives the same files', async () => {
  const a = await write(12);
  const b = await write(12);
  expect(a.files.map((f) => f.source)).toEqual(['stations', 'night-permits', 'hj212']);
  expect(a.files.map((f) => digest(f.file))).toEqual(b.files.map((f) => digest(f.file)));
});

test('default city: every packet valid, and the planted night-noise sites are the only exceedances', async () => {
  const { city, files } = await write(100);
  const stations = fs.readFileSync(files[0].file, 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
  expect(stations).toHaveLength(city.projects.filter((p) => p.stationMn).length);
  const permits = fs.readFileSync(files[1].file, 'utf8').trim().split('\n').slice(1);
  expect(permits).toHaveLength(city.projects.filter((p) => p.nightWorkPermit).length);

  const series = new Map<string, StationSamples>(stations.map(([mn, projectCode, district]) => [mn, { mn, projectCode, district, samples: [] }]));
  const vendor = vendorCodes();
  // Every station registered with an access password of its own, and its packets carry it.
  const pwByMn = new Map(stations.map((row) => [row[0], row[8]]));
  expect([...pwByMn.values()].every((pw) => /^\d{6}$/.test(pw))).toBe(true);
  expect(new Set(pwByMn.values()).size).toBeGreaterThan(1);
  let packets = 0;
  // Compared in plain code and asserted once: an expect() per packet (201,600) cost ~10 s of the test.
  const wrongPw: string[] = [];
  for await (const line of readline.createInterface({ input: fs.createReadStream(files[2].file, { encoding: 'latin1' }), crlfDelay: Infinity })) {
    const r = parseHj212Frame(line, vendor);
    if (!r.ok) throw new Error(r.reason);
    packets++;
    if (r.packet.pw !== pwByMn.get(r.packet.mn) && wrongPw.length < 10) wrongPw.push(`${r.packet.mn}: ${r.packet.pw}`);
    const s = series.get(r.packet.mn)!;
    for (const v of r.packet.values) s.samples.push({ t: r.packet.dataTime.getTime(), cn: r.packet.cn, code: v.code, value: v.avg!, flag: v.flag! });
  }
  expect(wrongPw).toEqual([]);
  expect(packets).toBe(stations.length * city.monitoringDays * 96);

  const from = new Date(`${city.monitoringFrom}T00:00:00+08:00`);
  const to = new Date(from.getTime() + city.monitoringDays * 86_400_000);
  const found = findExceedances([...series.values()], loadRuleSet(), { from, to });
  expect([...new Set(found.map((e) => e.projectCode))].sort()).toEqual([...city.planted.nightNoise].sort());
  expect(new Set(found.map((e) => `${e.ruleId}/${e.timeOfDay}`))).toEqual(new Set(['noise-gb12523/NIGHT']));
  const nights = new Set(found.map((e) => new Date(e.periodStart.getTime() + 8 * 3_600_000 - 6 * 3_600_000).toISOString().slice(0, 10)));
  expect(nights.size).toBeGreaterThanOrEqual(5);
  for (const code of city.planted.nightNoise) expect(city.projects.find((p) => p.code === code)!.nightWorkPermit).toBe(false);
}, 120_000);
