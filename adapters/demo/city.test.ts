import { checkUscc } from '../../domain/uscc';
import { validateIdNumber } from '../../domain/idNumber';
import { validateProjectCode } from '../../domain/projectCode';
import { validateMn } from '../../domain/mn';
import { generateCity } from './city';

test('the same seed gives the same city, another seed another one', () => {
  const a = generateCity({ projects: 30, seed: 7 });
  expect(JSON.stringify(generateCity({ projects: 30, seed: 7 }))).toBe(JSON.stringify(a));
  expect(generateCity({ projects: 30, seed: 8 }).projects[0].code).not.toBe(a.projects[0].code);
});

test('the default city has its size, valid identifiers and every planted situation', () => {
  const city = generateCity();
  expect(city.projects).toHaveLength(100);
  expect(new Set(city.projects.map((p) => p.district)).size).toBe(6);
  expect(city.workers).toHaveLength(4000);
  expect(city.enterprises.length).toBeGreaterThan(150);
  for (const p of city.projects) expect(validateProjectCode(p.code)).toBeNull();
  for (const w of city.workers.slice(0, 500)) expect(validateIdNumber(w.idNumber)).toBeNull();
  for (const p of city.projects) if (p.stationMn) expect(validateMn(p.stationMn)).toBeNull();
  for (const e of city.enterprises) expect(checkUscc(e.uscc).status).toBe(e.checksumValid ? 'valid' : 'checksum-mismatch');
  expect(city.planted.arrears.length).toBeGreaterThan(3);
  expect(city.planted.nightNoise.length).toBeGreaterThan(2);
  expect(city.planted.overBuilt.length).toBeGreaterThan(2);
  expect(city.planted.badUscc.length).toBeGreaterThan(2);
  // One listing on the arrears blacklist: the general contractor of the first arrears project.
  const firstArrears = city.projects.find((p) => p.code === city.planted.arrears[0].projectCode)!;
  expect(city.planted.blacklisted).toEqual([firstArrears.contractorUscc]);
  for (const code of city.planted.nightNoise) {
    const p = city.projects.find((x) => x.code === code)!;
    expect(p.stationMn).not.toBeNull();
    expect(p.nightWorkPermit).toBe(false);
  }
});
