/**
 * Decoded text of a file, streamed: UTF-8 or GB18030, declared or detected (a UTF-8 BOM, else strict
 * UTF-8 validity of the first 64 KiB, else GB18030 — the encoding of Chinese bank and government exports).
 */
import fs from 'node:fs';

export type TextEncodingName = 'utf8' | 'gb18030';

const UTF8_BOM = [0xef, 0xbb, 0xbf];

export function detectEncoding(head: Buffer): TextEncodingName {
  if (head.length >= 3 && UTF8_BOM.every((b, i) => head[i] === b)) return 'utf8';
  // Drop a possibly cut multi-byte sequence at the end before the strict check.
  let end = head.length;
  for (let i = Math.max(0, head.length - 3); i < head.length; i++) {
    if ((head[i] & 0xc0) === 0xc0) end = i;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, end));
    return 'utf8';
  } catch {
    return 'gb18030';
  }
}

async function readHead(file: string, bytes = 65536): Promise<Buffer> {
  const fh = await fs.promises.open(file, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const { bytesRead } = await fh.read(buf, 0, bytes, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/** Yields decoded text chunks of the file (BOM removed). */
export async function* readTextChunks(file: string, encoding?: TextEncodingName): AsyncGenerator<string> {
  const enc = encoding ?? detectEncoding(await readHead(file));
  const decoder = new TextDecoder(enc === 'utf8' ? 'utf-8' : 'gb18030', { ignoreBOM: false });
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 256 * 1024 })) {
    const text = decoder.decode(chunk as Buffer, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

/** Yields lines (without the line break) with their 1-based numbers. */
export async function* readLines(file: string, encoding?: TextEncodingName): AsyncGenerator<{ line: number; text: string }> {
  let carry = '';
  let line = 0;
  for await (const chunk of readTextChunks(file, encoding)) {
    const parts = (carry + chunk).split('\n');
    carry = parts.pop() ?? '';
    for (const p of parts) yield { line: ++line, text: p.endsWith('\r') ? p.slice(0, -1) : p };
  }
  if (carry) yield { line: ++line, text: carry.endsWith('\r') ? carry.slice(0, -1) : carry };
}
