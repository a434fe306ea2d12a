/**
 * HJ 212-2017 Appendix A CRC ("ANSI CRC16" in the standard's words). Not Modbus: each byte is XORed
 * into the register shifted right by 8 (reg = (reg >> 8) ^ b), then 8 rounds of poly 0xA001.
 * The standard's sample data segment gives 1C80 (Modbus would give 0759).
 */

/** CRC of `data` (ASCII bytes) from `start` to `end` (exclusive), as a number. */
export function hj212CrcOfBytes(data: Uint8Array, start = 0, end = data.length): number {
  let reg = 0xffff;
  for (let i = start; i < end; i++) {
    reg = (reg >> 8) ^ data[i];
    for (let j = 0; j < 8; j++) {
      const lsb = reg & 1;
      reg >>= 1;
      if (lsb) reg ^= 0xa001;
    }
  }
  return reg;
}

/**
 * CRC of a data segment string. A valid segment is ASCII; the TCP splitter decodes bytes as latin1
 * (one character per byte), so characters up to 0xFF are taken as the byte they came from.
 */
export function hj212Crc(segment: string): number {
  let reg = 0xffff;
  for (let i = 0; i < segment.length; i++) {
    const code = segment.charCodeAt(i);
    if (code > 0xff) return hj212CrcOfBytes(Buffer.from(segment, 'utf8'));
    reg = (reg >> 8) ^ code;
    for (let j = 0; j < 8; j++) {
      const lsb = reg & 1;
      reg >>= 1;
      if (lsb) reg ^= 0xa001;
    }
  }
  return reg;
}

/** The CRC as the 4 uppercase hex digits a frame carries. */
export function hj212CrcHex(segment: string): string {
  return hj212Crc(segment).toString(16).toUpperCase().padStart(4, '0');
}
