/** The listener's splitter: frames as Hj212Splitter cuts them, and a line past the limit dropped as one truncated record. */
import { BoundedSplitter, SAMPLE_BYTES } from './boundedSplitter';
import { buildFrame } from './frame';

const SEGMENT = 'QN=20261001083000123;ST=39;CN=2051;PW=123456;MN=888888800000000001CSD371;Flag=4;CP=&&DataTime=20261001083000;LA-Avg=58.3,LA-Flag=N&&';
const FRAME = buildFrame(SEGMENT);
const LIMIT = 4096;

/** Feeds `text` in reads of `size` bytes, checking the held bytes after each. */
function feed(s: BoundedSplitter, text: string, size = 65536) {
  const items = [];
  let maxHeld = 0;
  for (let i = 0; i < text.length; i += size) {
    items.push(...s.push(Buffer.from(text.slice(i, i + size), 'latin1')));
    maxHeld = Math.max(maxHeld, s.buffered);
  }
  return { items, maxHeld };
}

test('frames in one read, across reads, and garbage between them', () => {
  const s = new BoundedSplitter(LIMIT);
  const { items } = feed(s, FRAME + 'noise\r\n' + FRAME.slice(0, 30) + FRAME + FRAME, 7);
  expect(items).toEqual([
    { kind: 'frame', text: FRAME },
    { kind: 'garbage', text: 'noise\r\n', reason: expect.stringMatching(/without a "##"/) },
    { kind: 'garbage', text: FRAME.slice(0, 30), reason: expect.stringMatching(/without a "##"/) },
    { kind: 'frame', text: FRAME },
    { kind: 'frame', text: FRAME },
  ]);
  expect(s.end()).toEqual([]);
});

test('a 1 MB line is one record of its first bytes, the splitter never holds more than the limit, and the next frame is cut', () => {
  const s = new BoundedSplitter(LIMIT);
  const line = 'x'.repeat(1024 * 1024);
  const { items, maxHeld } = feed(s, line + '\r\n' + FRAME);
  expect(maxHeld).toBeLessThanOrEqual(LIMIT);
  expect(items).toEqual([
    {
      kind: 'garbage',
      overlong: true,
      text: 'x'.repeat(SAMPLE_BYTES),
      reason: `1048576 bytes without a CRLF frame end, in a line longer than the limit of ${LIMIT} bytes (HJ212_MAX_LINE_BYTES): dropped up to a line end; the first ${SAMPLE_BYTES} bytes are kept here`,
    },
    { kind: 'frame', text: FRAME },
  ]);
});

test('the drop ends at a frame start, also one split between two reads, and at a line end split between reads', () => {
  const s = new BoundedSplitter(LIMIT);
  const junk = 'y'.repeat(10_000);
  // 10,000 bytes of junk in reads of 5,000: the second read ends with the first "#" of the frame.
  const first = [...s.push(junk.slice(0, 5000)), ...s.push(junk.slice(5000) + '#'), ...s.push(FRAME.slice(1))];
  expect(first).toEqual([
    expect.objectContaining({ overlong: true, reason: expect.stringMatching(/^10000 bytes .* dropped up to a frame start/) }),
    { kind: 'frame', text: FRAME },
  ]);
  const second = [...s.push(junk + '\r'), ...s.push('\n' + FRAME)];
  expect(second).toEqual([
    expect.objectContaining({ overlong: true, reason: expect.stringMatching(/^10000 bytes .* dropped up to a line end/) }),
    { kind: 'frame', text: FRAME },
  ]);
});

test('junk longer than the limit followed in the same read by the start of a frame: the junk is dropped, the frame completed later', () => {
  const s = new BoundedSplitter(LIMIT);
  const junk = 'z'.repeat(5000);
  const items = [...s.push(junk + FRAME.slice(0, 40)), ...s.push(FRAME.slice(40))];
  expect(items).toEqual([
    expect.objectContaining({ kind: 'garbage', overlong: true, text: 'z'.repeat(SAMPLE_BYTES), reason: expect.stringMatching(/^5000 bytes .* up to a frame start/) }),
    { kind: 'frame', text: FRAME },
  ]);
});

test('a close while dropping reports the over-long line; a close mid-frame reports the partial frame', () => {
  const s = new BoundedSplitter(LIMIT);
  expect(s.push('q'.repeat(LIMIT + 1))).toEqual([]);
  expect(s.end()).toEqual([expect.objectContaining({ overlong: true, reason: expect.stringMatching(/^4097 bytes .* up to the connection closed/) })]);
  expect(s.push('##0010abc')).toEqual([]);
  expect(s.end()).toEqual([{ kind: 'garbage', text: '##0010abc', reason: expect.stringMatching(/connection closed in the middle/) }]);
});

test('a limit below the largest frame is refused', () => {
  expect(() => new BoundedSplitter(1000)).toThrow(/below the largest frame/);
});
