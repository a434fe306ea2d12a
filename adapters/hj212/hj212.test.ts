/** HJ 212 parsing: CRC, frame, packet fields and every rejection reason, vendor codes, the stream splitter. */
import { hj212CrcHex } from './crc';
import { buildFrame, parseFrame } from './frame';
import { parseHj212Frame } from './ingest';
import { formatLocalTimestamp, parsePacket } from './packet';
import { Hj212Splitter } from './splitter';
import { parseVendorCodes, vendorCodes } from './vendorCodes';
import { parseRanges } from './checks';

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
    expect(r.packet).toMatchObject({ qn: '20261001083000123', st: '39', cn: '2051', pw: '123456', mn: '888888800000000001CSD371', flag: 4, edition: '2017', pnum: null, pno: null, unknown: [], notes: [] });
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
    ['missing CN', SITE_SEGMENT.replace('CN=2051;', ''), /CN is missing/],
    ['missing PW', SITE_SEGMENT.replace('PW=123456;', ''), /PW is missing/],
    ['missing MN', SITE_SEGMENT.replace('MN=888888800000000001CSD371;', ''), /MN is missing/],
    ['bad MN', SITE_SEGMENT.replace('MN=888888800000000001CSD371', 'MN=8888-1'), /MN "8888-1"/],
    ['missing Flag', SITE_SEGMENT.replace('Flag=4;', ''), /Flag is missing/],
    ['Flag not a number', SITE_SEGMENT.replace('Flag=4;', 'Flag=x;'), /Flag "x" is not a number/],
    ['D bit without PNUM', SITE_SEGMENT.replace('Flag=4;', 'Flag=6;'), /PNUM or PNO is missing/],
    ['PNO out of range', SITE_SEGMENT.replace('Flag=4;', 'Flag=6;PNUM=2;PNO=3;'), /PNO 3 is not within 1..PNUM \(2\)/],
    ['PNUM not a number', SITE_SEGMENT.replace('Flag=4;', 'Flag=6;PNUM=a;PNO=1;'), /are not numbers/],
    ['CP item', SITE_SEGMENT.replace('a34004-Avg=30.1', 'a34004Avg30.1'), /CP item "a34004Avg30.1" is not KEY=VALUE/],
    ['bad data flag', SITE_SEGMENT.replace('a34002-Flag=N', 'a34002-Flag=P'), /data flag "P" of a34002 is not one of the 2017 edition's flags/],
    ['ST not 2 digits', SITE_SEGMENT.replace('ST=39;', 'ST=3x;'), /ST "3x" is not a 2-digit system code/],
    ['CN not 4 digits', SITE_SEGMENT.replace('CN=2051;', 'CN=20x1;'), /CN "20x1" is not a 4-digit command code/],
    ['unknown protocol version', SITE_SEGMENT.replace('Flag=4;', 'Flag=8;'), /protocol version 2; known: 0/],
    ['QN of 15 digits', SITE_SEGMENT.replace('QN=20261001083000123', 'QN=202610010830001'), /QN "202610010830001" is not a timestamp/],
    ['RS not an integer', SITE_SEGMENT.replace('LA-Avg=58.3', 'SB1-RS=x'), /running status "x" of SB1/],
    ['RtdInterval not an integer', SITE_SEGMENT.replace('DataTime=20261001083000;', 'DataTime=20261001083000;RtdInterval=3.5;'), /RtdInterval "3.5" is not an integer/],
    ['hex value', SITE_SEGMENT.replace('a34004-Avg=30.1', 'a34004-Avg=0x1E'), /value "0x1E" of a34004-Avg is not a number/],
    ['2099 DataTime', SITE_SEGMENT.replace('DataTime=20261001083000', 'DataTime=20990101000000'), /DataTime 20990101000000 is more than 600 s in the future/],
    ['not a number', SITE_SEGMENT.replace('a34004-Avg=30.1', 'a34004-Avg=3o.1'), /value "3o.1" of a34004-Avg is not a number/],
    ['repeated value', SITE_SEGMENT.replace('a34004-Avg=30.1', 'a34004-Avg=30.1,a34004-Avg=31'), /a34004-Avg appears twice/],
    ['no DataTime', SITE_SEGMENT.replace('DataTime=20261001083000;', ''), /CP has no DataTime/],
    ['bad DataTime', SITE_SEGMENT.replace('DataTime=20261001083000', 'DataTime=20260231083000'), /DataTime "20260231083000" is not a timestamp/],
    ['no values', 'QN=20261001083000123;ST=39;CN=2051;PW=123456;MN=888888800000000001CSD371;Flag=4;CP=&&DataTime=20261001083000&&', /carries no factor or facility items/],
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

describe('what deployed devices send (issue 18)', () => {
  const MN = '888888800000000001CSD371';
  const parse = (segment: string) => {
    const r = parseHj212Frame(buildFrame(segment), vendor);
    if (!r.ok) throw new Error(r.reason);
    return r.packet;
  };

  test('QN without milliseconds (14 digits) is accepted and kept as sent', () => {
    const p = parse(SITE_SEGMENT.replace('QN=20261001083000123', 'QN=20261001083000'));
    expect(p.qn).toBe('20261001083000');
    expect(p.values).toHaveLength(3);
  });

  test('ST=31 with Flag=5, every 2017 suffix, SBn-RS/-RT and data-area fields: all stored; unknown items kept verbatim and noted', () => {
    const p = parse(
      `QN=20261001083000;ST=31;CN=2011;PW=123456;MN=${MN};Flag=5;CP=&&DataTime=20261001083000;RtdInterval=30;` +
      'a21026-Rtd=12.5,a21026-ZsRtd=14.1,a21026-Flag=N,a21026-EFlag=A1,a21026-SampleTime=20261001082900,a21026-Info=ok;' +
      'a34013-Avg=8.2,a34013-Min=7.9,a34013-Max=9.1,a34013-ZsAvg=9.5,a34013-ZsMin=9.0,a34013-ZsMax=10.2,a34013-Cou=1234.5,a34013-Flag=N;' +
      'SB1-RS=1;SB1-RT=23.5;SB2-RS=0;a99999-Rtd=1.0;a34013-Foo=3;VendorX=7&&',
    );
    expect(p).toMatchObject({ st: '31', cn: '2011', flag: 5, edition: '2017', qn: '20261001083000' });
    expect(p.values).toEqual([
      { code: 'a21026', rtd: 12.5, zsRtd: 14.1, flag: 'N', eflag: 'A1', sampleTime: '20261001082900', info: 'ok' },
      { code: 'a34013', avg: 8.2, min: 7.9, max: 9.1, zsAvg: 9.5, zsMin: 9, zsMax: 10.2, cou: 1234.5, flag: 'N' },
    ]);
    expect(p.facilities).toEqual([{ code: 'SB1', rs: 1, rt: 23.5 }, { code: 'SB2', rs: 0 }]);
    expect(p.fields).toEqual([{ name: 'RtdInterval', value: '30' }]);
    expect(p.unknown).toEqual(['a99999-Rtd=1.0', 'a34013-Foo=3', 'VendorX=7']);
    expect(p.notes).toEqual([
      'unknown factor a99999: "a99999-Rtd=1.0" kept verbatim',
      'unknown suffix -Foo: "a34013-Foo=3" kept verbatim',
      'unknown data-area field VendorX: "VendorX=7" kept verbatim',
    ]);
  });

  test('an HJ/T 212-2005 packet (version bits 000000) is accepted, its edition recorded, its flag set applies', () => {
    const seg = `QN=20261001083000123;ST=39;CN=2051;PW=123456;MN=88888880000001;Flag=1;CP=&&DataTime=20261001083000;a34002-Avg=61.2,a34002-Flag=P;LA-Avg=58.3,LA-Flag=N&&`;
    const p = parse(seg);
    expect(p).toMatchObject({ edition: '2005', flag: 1, mn: '88888880000001' });
    expect(p.values).toEqual([{ code: 'a34002', avg: 61.2, flag: 'P' }, { code: 'LA', avg: 58.3, flag: 'N' }]);
    // P is a 2005 flag only; the sets are not mixed.
    const r = parsePacket(seg.replace('Flag=1;', 'Flag=5;'), vendor);
    expect(!r.ok && r.reason).toMatch(/data flag "P" of a34002 is not one of the 2017 edition's flags/);
  });

  test('an unknown ST, CN or header field never rejects the packet', () => {
    const p = parse(SITE_SEGMENT.replace('ST=39;', 'ST=99;').replace('CN=2051;', 'CN=2099;').replace('Flag=4;', 'Flag=4;Vendor=abc;'));
    expect(p.values).toHaveLength(3);
    expect(p.unknown).toEqual(['Vendor=abc']);
    // An unknown item sent twice is kept twice (a known one twice is ambiguous: rejected, see above).
    expect(parse(SITE_SEGMENT.replace('LA-Avg=58.3', 'LA-Data=58.3,LA-Data=58.4')).unknown).toEqual(['LA-Data=58.3', 'LA-Data=58.4']);
    expect(p.notes).toEqual([
      'unknown system code ST=99 (not in HJ 212-2017 table 5), packet kept',
      'unknown command CN=2099, packet kept with its known items',
      'unknown header field Vendor: "Vendor=abc" kept verbatim',
    ]);
    // A running-status packet (CN=2021) with only facility items is a packet too.
    expect(parse(`QN=20261001083000;ST=31;CN=2021;PW=123456;MN=${MN};Flag=4;CP=&&DataTime=20261001083000;SB1-RS=2&&`).facilities).toEqual([{ code: 'SB1', rs: 2 }]);
  });

  test('a value outside its physical range rejects that item only (−1e300, 1e300, a negative dust level)', () => {
    const p = parse(SITE_SEGMENT.replace('LA-Avg=58.3', 'LA-Avg=-1e300').replace('a34002-Max=80.5', 'a34002-Max=1e300').replace('a34004-Avg=30.1', 'a34004-Avg=-5'));
    expect(p.values).toEqual([{ code: 'a34002', avg: 61.2, min: 40, flag: 'N' }, { code: 'a34004', flag: 'N' }, { code: 'LA', flag: 'N' }]);
    expect(p.rejectedItems).toEqual([
      { item: 'a34002-Max=1e300', reason: 'outside the physical range 0..100000 of a34002' },
      { item: 'a34004-Avg=-5', reason: 'outside the physical range 0..100000 of a34004' },
      { item: 'LA-Avg=-1e300', reason: 'outside the physical range 0..194 of LA' },
    ]);
    expect(p.notes).toHaveLength(3);
  });

  test('the ranges and the future tolerance are configurable', () => {
    const { ranges, cumulativeLimit } = parseRanges('{"ranges":{"a34002":[0,50]}}', 'test');
    const checks = { ranges, cumulativeLimit, futureToleranceMs: 0, now: () => Date.parse('2026-10-01T00:00:00Z'), mnLengths: [14, 24] };
    const r = parsePacket(SITE_SEGMENT, vendor, checks);
    expect(!r.ok && r.reason).toMatch(/DataTime 20261001083000 is more than 0 s in the future/);
    const later = { ...checks, now: () => Date.parse('2026-10-02T00:00:00Z') };
    const ok = parsePacket(SITE_SEGMENT, vendor, later);
    if (!ok.ok) throw new Error(ok.reason);
    // LA and a34004 are not known under this table: kept verbatim; a34002-Avg 61.2 is now out of range.
    expect(ok.packet.values).toEqual([{ code: 'a34002', min: 40, flag: 'N' }]);
    expect(ok.packet.rejectedItems.map((i) => i.item)).toEqual(['a34002-Avg=61.2', 'a34002-Max=80.5']);
    expect(ok.packet.unknown).toEqual(['a34004-Avg=30.1', 'a34004-Flag=N', 'LA-Avg=58.3', 'LA-Flag=N']);
    expect(() => parseRanges('{"ranges":{"a34002":[5,1]}}', 'test')).toThrow(/min ≤ max/);
  });
});
