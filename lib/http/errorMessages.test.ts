/** Error messages are cut at ERROR_MESSAGE_MAX_CHARS with a mark, never splitting a character. */
import { DEFAULT_ERROR_MESSAGE_MAX_CHARS, truncateMessage } from './errorMessages';

test('a message within the limit is unchanged; a longer one is cut to the limit, ending with how long it was', () => {
  const short = 'Invalid argument "from": "2026-13-01" is not a calendar date';
  expect(truncateMessage(short)).toBe(short);
  const long = `Invalid argument "from": "${'x'.repeat(500_000)}" is not a date`;
  const cut = truncateMessage(long);
  expect(cut.length).toBeLessThanOrEqual(DEFAULT_ERROR_MESSAGE_MAX_CHARS);
  expect(cut.startsWith('Invalid argument "from": "xxxx')).toBe(true);
  expect(cut.endsWith(` … [cut: ${long.length.toLocaleString('en-US')} characters in all]`)).toBe(true);
  expect(truncateMessage('a'.repeat(DEFAULT_ERROR_MESSAGE_MAX_CHARS))).toHaveLength(DEFAULT_ERROR_MESSAGE_MAX_CHARS);
});

test('a cut never leaves half of a surrogate pair', () => {
  for (let shift = 0; shift < 4; shift++) {
    const cut = truncateMessage('a'.repeat(shift) + '𠀀'.repeat(1000), 200);
    expect(cut.length).toBeLessThanOrEqual(200);
    // A lone high surrogate would be replaced on the way through JSON and UTF-8.
    expect(Buffer.from(cut, 'utf8').toString('utf8')).toBe(cut);
  }
});

test('ERROR_MESSAGE_MAX_CHARS sets the limit (read on use)', () => {
  process.env.ERROR_MESSAGE_MAX_CHARS = '120';
  try {
    expect(truncateMessage('y'.repeat(1000))).toHaveLength(120);
  } finally {
    delete process.env.ERROR_MESSAGE_MAX_CHARS;
  }
});
