import { checkUscc, usccCheckChar } from './uscc';
import { idCheckChar, validateIdNumber } from './idNumber';
import { validateProjectCode } from './projectCode';
import { validateMn } from './mn';
import { workerIdFor } from './pseudonym';

describe('GB 32100 credit code', () => {
  test('the worked example is valid', () => {
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
    expect(checkUscc('91350100M000100Y43')).toEqual({ status: 'valid' });
  });
  test('a pilot-region code failing the check is flagged for review, not rejected', () => {
    expect(checkUscc('91350100M0001TGQXM')).toMatchObject({ status: 'checksum-mismatch', expected: '1' });
  });
  test('wrong length and forbidden characters are invalid, with the reason', () => {
    expect(checkUscc('91350100M000100Y4')).toMatchObject({ status: 'invalid', reason: expect.stringContaining('18 characters') });
    expect(checkUscc('91350100M000100Z43')).toMatchObject({ status: 'invalid', reason: expect.stringContaining('I, O, S, V, Z') });
    expect(checkUscc('91AB0100M000100Y43')).toMatchObject({ status: 'invalid' });
  });
});

describe('GB 11643 ID number', () => {
  test('the standard examples are valid', () => {
    expect(validateIdNumber('11010519491231002X')).toBeNull();
    expect(validateIdNumber('440524188001010014')).toBeNull();
    expect(idCheckChar('11010519491231002')).toBe('X');
  });
  test('a wrong check character, an impossible date and a future date are rejected', () => {
    expect(validateIdNumber('110105194912310021')).toMatch(/check character is 1, GB 11643 gives X/);
    expect(validateIdNumber('110105194902300021')).toMatch(/not a calendar date/);
    expect(validateIdNumber('110105203001010021', new Date('2026-01-01'))).toMatch(/future/);
    expect(validateIdNumber('11010519491231002')).toMatch(/18 characters/);
  });
});

describe('project code and MN', () => {
  test('project code format', () => {
    expect(validateProjectCode('2020-370302-47-01-012345')).toBeNull();
    expect(validateProjectCode('2020-370302-47-01-01234')).toMatch(/24 characters/);
    expect(validateProjectCode('2020_370302-47-01-012345')).toMatch(/YYYY-RRRRRR-DD-TT-NNNNNC/);
  });
  test('MN: 24 and 14 characters by default', () => {
    expect(validateMn('010000A8900016F000169DC0')).toBeNull();
    expect(validateMn('88888880000001')).toBeNull();
    expect(validateMn('010000a8900016F000169DC0')).toMatch(/capital/);
    expect(validateMn('0100')).toMatch(/accepted lengths are 14, 24/);
    expect(validateMn('0100', [4])).toBeNull();
  });
});

test('worker pseudonym is keyed, stable and carries no digits of the ID', () => {
  const a = workerIdFor('11010519491231002X', 'secret-1');
  expect(a).toMatch(/^W[0-9A-F]{20}$/);
  expect(workerIdFor('11010519491231002x', 'secret-1')).toBe(a);
  expect(workerIdFor('11010519491231002X', 'secret-2')).not.toBe(a);
});
