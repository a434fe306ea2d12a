/** HJ 212 parsing: CRC, frame, packet fields and every rejection reason, vendor codes, the stream splitter. */
import { hj212CrcHex } from './crc';
import { buildFrame, parseFrame } from './frame';
import { parseHj212Frame } from './ingest';
import { formatLocalTimestamp, parsePacket } from './packet';
import { Hj212Splitter } from './splitter';
import { parseVendorCodes, vendorCodes } from './vendorCodes';

const STANDARD_SEGMENT = 'QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&';
const HUTOOL_SEGMENT = 'QN=20160801085857223;ST=23;CN=2011;PW=123456;MN=010000A8900016F000169DC0;Flag=5;CP=&&DataTime=20160801085857; LA-Rtd=50.1&&';
const SITE_SEGMENT =
  'QN=20261001083000123;ST=39;CN=2051;PW=123456;MN=888888800000000001CSD371;Flag=4;CP=&&DataTime=20261001083000;' +
  'a34002-Avg=61.2,a34002-Min=40.0,a34002-Max=80.5,a34002-Flag=N;a34004-Avg=30.1,a34004-Flag=N;LA-Avg=58.3,LA-Flag=N&&';
const vendor = vendorCodes();

describe('CRC (HJ 212-2017 Appendix A)', () => {
  test('the standard sample gives 1C80 and the hutool sample 1E00', () => {
    expect(hj212CrcHex(STANDARD_SEGMENT)).toBe('1C80');
    expect(hj212CrcHex(HUTOOL_SEGMENT)).toBe('1E00');
  });
});

describe('frame', () => {
  test('the standard sample frame is accepted', () => {
    const frame = `##0101${STANDARD_SEGMENT}1C80\r\n`;
    expect(buildFrame(STANDARD_SEGMENT)).toBe(frame);
    expect(parseFrame(frame)).toEqual({ ok: true, segment: STANDARD_SEGMENT });
  });
  test('one changed byte is a CRC error', () => {
    const frame = `##0101${STANDARD_SEGMENT.replace('RtdInterval=30', 'RtdInterval=31')}1C80\r\n`;
    const r = parseFrame(frame);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(/^CRC error: frame carries 1C80/);
  });
  test.each([
    ['no ##', `#0101${STANDARD_SEGMENT}1C80`, /does not start with "##"/],
    ['length not decimal', `##01A1${STANDARD_SEGMENT}1C80`, /length field "01A1" is not 4 decimal digits/],
    ['length over 1024', `##1025${STANDARD_SEGMENT}1C80`, /exceeds the maximum 1024/],
    ['wrong length', `##0100${STANDARD_SEGMENT}1C80`, /declared data-segment length 100 but the data segment is 101 characters/],
    ['too short', '##0004ab', /too short/],
    ['CRC not hex', `##0101${STANDARD_SEGMENT}1CX0`, /CRC field "1CX0" is not 4 hex digits/],
  ])('rejects %s', (_name, frame, reason) => {
    const r = parseFrame(frame);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(reason);
  });
});

describe('packet', () => {
  test('parses a site packet with factor suffixes, flags and China-time DataTime', () => {
    const r = parseHj212Frame(buildFrame(SITE_SEGMENT), vendor);
    if (!r.ok) throw new Error(r.reason);
    expect(r.packet).toMatchObject({ qn: '20261001083000123', st: '39', cn: '2051', pw: '123456', mn: '888888800000000001CSD371', flag: 4, pnum: null, pno: null });
    expect(r.packet.dataTime.toISOString()).toBe('2026-10-01T00:30:00.000Z');
    expect(formatLocalTimestamp(r.packet.dataTime)).toBe('20261001083000');
    expect(r.packet.values).toEqual([
      { code: 'a34002', avg: 61.2, min: 40, max: 80.5, flag: 'N' },
      { code: 'a34004', avg: 30.1, flag: 'N' },
      { code: 'LA', avg: 58.3, flag: 'N' },
    ]);
  });
  test('the hutool real-time noise sample parses (CN 2011, LA-Rtd)', () => {
    const r = parsePacket(HUTOOL_SEGMENT, vendor);
    if (!r.ok) throw new Error(r.reason);
    expect(r.packet.values).toEqual([{ code: 'LA', rtd: 50.1 }]);
  });
  test('commands 2011, 2051, 2061 and 2031 are accepted', () => {
    for (const cn of ['2011', '2051', '2061', '2031']) expect(parsePacket(SITE_SEGMENT.replace('CN=2051', `CN=${cn}`), vendor).ok).toBe(true);
  });
  test('vendor codes map to standard factor codes; the mapping is configurable', () => {
    const seg = SITE_SEGMENT.replace(/a34002/g, 'PM10').replace(/LA-/g, 'NOIS-').replace(/a34004/g, 'PM25');
    const r = parsePacket(seg, vendor);
    if (!r.ok) throw new Error(r.reason);
    expect(r.packet.values.map((v) => v.code)).toEqual(['a34002', 'a34004', 'LA']);
    const custom = parseVendorCodes('{"codes":{"DUST10":"a34002"}}', 'test');
    const r2 = parsePacket(SITE_SEGMENT.replace(/a34002/g, 'DUST10'), custom);
    expect(r2.ok && r2.packet.values[0].code).toBe('a34002');
    expect(() => parseVendorCodes('{"codes":{"X":"a.b"}}', 'test')).toThrow(/not a factor code/);
  });
  test('sub-packets: Flag with the D bit requires PNUM/PNO', () => {
    const withD = SITE_SEGMENT.replace('Flag=4;', 'Flag=7;PNUM=2;PNO=1;');
    const r = parsePacket(withD, vendor);
    expect(r.ok && [r.packet.pnum, r.packet.pno]).toEqual([2, 1]);
  });
  test.each([
    ['no CP', SITE_SEGMENT.replace('CP=&&', 'XX=&&'), /no CP=&&/],
    ['CP not closed', SITE_SEGMENT.slice(0, -2), /does not end with "&&"/],
    ['header item', SITE_SEGMENT.replace('ST=39;', 'ST39;'), /header item "ST39" is not KEY=VALUE/],
    ['duplicate header', SITE_SEGMENT.replace('ST=39;', 'ST=39;ST=39;'), /ST appears twice/],
    ['bad QN', SITE_SEGMENT.replace('QN=20261001083000123', 'QN=20261301083000123'), /QN "20261301083000123"/],
    ['missing ST', SITE_SEGMENT.replace('ST=39;', ''), /ST is missing/],
    ['unknown ST', SITE_SEGMENT.replace('ST=39;', 'ST=99;'), /ST "99" is not a system code/],
    ['missing CN', SITE_SEGMENT.replace('CN=2051;', ''), /CN is missing/],
    ['not a data command', SITE_SEGMENT.replace('CN=2051;', 'CN=9014;'), /CN "9014" is not a data upload command/],
    ['missing PW', SITE_SEGMENT.replace('PW=123456;', ''), /PW is missing/],
    ['missing MN', SITE_SEGMENT.replace('MN=888888800000000001CSD371;', ''), /MN is missing/],
    ['bad MN', SITE_SEGMENT.replace('MN=888888800000000001CSD371', 'MN=8888-1'), /MN "8888-1"/],
    ['missing Flag', SITE_SEGMENT.replace('Flag=4;', ''), /Flag is missing/],
    ['Flag not a number', SITE_SEGMENT.replace('Flag=4;', 'Flag=x;'), /Flag "x" is not a number/],
    ['2005 edition Flag', SITE_SEGMENT.replace('Flag=4;', 'Flag=1;'), /protocol version 0/],
    ['D bit without PNUM', SITE_SEGMENT.replace('Flag=4;', 'Flag=6;'), /PNUM or PNO is missing/],
    ['PNO out of range', SITE_SEGMENT.replace('Flag=4;', 'Flag=6;PNUM=2;PNO=3;'), /PNO 3 is not within 1..PNUM \(2\)/],
    ['PNUM not a number', SITE_SEGMENT.replace('Flag=4;', 'Flag=6;PNUM=a;PNO=1;'), /are not numbers/],
    ['CP item', SITE_SEGMENT.replace('a34004-Avg=30.1', 'a34004Avg30.1'), /CP item "a34004Avg30.1" is not KEY=VALUE/],
    ['no suffix', SITE_SEGMENT.replace('a34004-Avg=30.1', 'a34004=30.1'), /"a34004" has no factor suffix/],
    ['bad factor code', SITE_SEGMENT.replace('a34004-Avg', 'a3$004-Avg'), /factor code "a3\$004"/],
    ['bad data flag', SITE_SEGMENT.replace('a34002-Flag=N', 'a34002-Flag=P'), /data flag "P" of a34002 is not one of/],
    ['unknown suffix', SITE_SEGMENT.replace('a34004-Avg', 'a34004-Foo'), /unknown suffix "-Foo" on factor a34004/],
    ['not a number', SITE_SEGMENT.replace('a34004-Avg=30.1', 'a34004-Avg=3o.1'), /value "3o.1" of a34004-Avg is not a number/],
    ['repeated value', SITE_SEGMENT.replace('a34004-Avg=30.1', 'a34004-Avg=30.1,a34004-Avg=31'), /a34004-Avg appears twice/],
    ['no DataTime', SITE_SEGMENT.replace('DataTime=20261001083000;', ''), /CP has no DataTime/],
    ['bad DataTime', SITE_SEGMENT.replace('DataTime=20261001083000', 'DataTime=20260231083000'), /DataTime "20260231083000" is not a timestamp/],
    ['no values', 'QN=20261001083000123;ST=39;CN=2051;PW=123456;MN=888888800000000001CSD371;Flag=4;CP=&&DataTime=20261001083000&&', /carries no factor values/],
  ])('rejects %s', (_name, segment, reason) => {
    const r = parsePacket(segment, vendor);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(reason);
  });
});

describe('stream splitter', () => {
  const a = buildFrame(SITE_SEGMENT);
  const b = buildFrame(STANDARD_SEGMENT);
  test('several frames in one read, one frame across reads, garbage between frames', () => {
    const s = new Hj212Splitter();
    const all = a + b + 'noise' + a;
    const items = [...s.push(all.slice(0, 10)), ...s.push(all.slice(10, a.length + 20)), ...s.push(all.slice(a.length + 20)), ...s.end()];
    expect(items).toEqual([
      { kind: 'frame', text: a },
      { kind: 'frame', text: b },
      { kind: 'garbage', text: 'noise', reason: expect.stringMatching(/without a "##"/) },
      { kind: 'frame', text: a },
    ]);
  });
  test('a frame cut short before another is garbage; the buffer stays bounded; a close mid-frame is reported', () => {
    const s = new Hj212Splitter();
    const items = s.push(a.slice(0, 30) + a);
    expect(items.map((i) => i.kind)).toEqual(['garbage', 'frame']);
    const flood = s.push('x'.repeat(5000));
    expect(flood[0]).toMatchObject({ kind: 'garbage', reason: expect.stringMatching(/without a CRLF/) });
    expect(s.push('##0010abc')).toEqual([]);
    expect(s.end()).toEqual([{ kind: 'garbage', text: '##0010abc', reason: expect.stringMatching(/connection closed/) }]);
  });
});
