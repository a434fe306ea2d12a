/**
 * Groups punches into attendance blocks (worker × project × month). The export lists a worker's days
 * together, so groups stay few; to bound memory whatever the order, at most `maxOpen` groups are held
 * and all are written out when that many are open. The result depends only on the file, so
 * re-ingesting it gives the same blocks (same natural keys).
 */
import type { AttendanceBlockDoc } from '../../subgraphs/hrss/models/attendance';
import { districtOf } from '../workers/fields';
import type { Punch } from './record';

/** A block and how many rows of the input it stands for (the ingest report counts rows). */
export interface BlockWithRows {
  doc: AttendanceBlockDoc;
  rows: number;
}

export class AttendanceBlocks {
  private readonly open = new Map<string, { first: string; days: Set<string>; punch: Punch; rows: number }>();

  constructor(private readonly maxOpen = 20_000) {}

  /** Adds a punch; returns the blocks to write now (when too many groups are open). */
  add(p: Punch): AttendanceBlockDoc[] {
    return this.addRow(p).map((b) => b.doc);
  }

  /** Adds a punch; returns the blocks to write now with the rows each stands for. */
  addRow(p: Punch): BlockWithRows[] {
    const key = `${p.workerId}|${p.projectCode}|${p.date.slice(0, 7)}`;
    const group = this.open.get(key);
    if (group) {
      group.days.add(p.date.slice(8, 10));
      group.rows++;
      if (p.date < group.first) group.first = p.date;
      return [];
    }
    const out = this.open.size >= this.maxOpen ? this.drainRows() : [];
    this.open.set(key, { first: p.date, days: new Set([p.date.slice(8, 10)]), punch: p, rows: 1 });
    return out;
  }

  drain(): AttendanceBlockDoc[] {
    return this.drainRows().map((b) => b.doc);
  }

  drainRows(): BlockWithRows[] {
    const out = [...this.open.values()].map(({ first, days, punch, rows }) => ({
      rows,
      doc: {
        workerId: punch.workerId,
        projectCode: punch.projectCode,
        district: districtOf(punch.projectCode),
        month: first.slice(0, 7),
        firstDate: first,
        days: [...days].sort().join(','),
      },
    }));
    this.open.clear();
    return out;
  }
}
