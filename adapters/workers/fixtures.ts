/** Test fixtures for the 人社 adapters: valid rows to vary, and CSV writing in UTF-8 or GB18030. */
import fs from 'node:fs';
import iconv from 'iconv-lite';

export const VALID_ID = '11010519491231002X';
export const OTHER_VALID_ID = '440524188001010014';
export const VALID_USCC = '91350100M000100Y43';
/** Well-formed but its check character fails GB 32100: kept and flagged. */
export const MISMATCH_USCC = '91350100M0001TGQXM';
export const PROJECT = '2024-371302-47-01-A1B2C3';

export function csv(header: readonly string[], rows: Record<string, string>[]): string {
  const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [header.join(','), ...rows.map((r) => header.map((h) => quote(r[h] ?? '')).join(','))].join('\r\n') + '\r\n';
}

export function writeCsv(file: string, text: string, encoding: 'utf8' | 'gb18030' = 'utf8'): string {
  fs.writeFileSync(file, encoding === 'utf8' ? Buffer.from(text, 'utf8') : iconv.encode(text, 'gb18030'));
  return file;
}
