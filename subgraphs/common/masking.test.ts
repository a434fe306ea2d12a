import { maskPersonal, type MaskSettings } from './masking';

const defaults: MaskSettings = { idKeepFirst: 6, idKeepLast: 4, phoneKeepFirst: 3, phoneKeepLast: 4, accountKeepLast: 4, nameKeepFirst: 1 };

test('ID numbers: configurable ends, the birth date (positions 7–14) always hidden', () => {
  expect(maskPersonal('idNumber', '11010519491231002X', defaults)).toBe('110105********002X');
  expect(maskPersonal('idNumber', '11010519491231002X', { ...defaults, idKeepFirst: 1, idKeepLast: 2 })).toBe('1***************2X');
  // Asking to keep more than the address code or the last four still hides the birth date.
  const greedy = maskPersonal('idNumber', '11010519491231002X', { ...defaults, idKeepFirst: 10, idKeepLast: 8 });
  expect(greedy).toBe('110105********002X');
  expect(greedy).not.toContain('19491231');
});

test('phones, bank accounts and names', () => {
  expect(maskPersonal('phone', '13812345678', defaults)).toBe('138****5678');
  expect(maskPersonal('bankAccount', '6217000012345678901', defaults)).toBe('***************8901');
  expect(maskPersonal('name', '欧阳娜', defaults)).toBe('欧**');
  expect(maskPersonal('name', '王', defaults)).toBe('*');
});
