/**
 * Store size: bytes on disk of the embedded store's directory (SQLite files and WAL), or, on a
 * --store-uri MongoDB, each silo database's storage plus index size as the server reports them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DEPARTMENTS } from '../../lib/config';
import { connectSilo } from '../../adapters/store/connection';

export function bytesOnDisk(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) total += bytesOnDisk(p);
    else if (entry.isFile()) total += fs.statSync(p).blocks * 512; // allocated, not apparent, size
  }
  return total;
}

export async function siloSizes(uri: string): Promise<Record<string, number>> {
  const sizes: Record<string, number> = {};
  for (const silo of [...DEPARTMENTS, 'joint']) {
    const conn = await connectSilo(uri, silo);
    try {
      const stats = (await conn.db!.command({ dbStats: 1 })) as { storageSize?: number; indexSize?: number };
      sizes[silo] = (stats.storageSize ?? 0) + (stats.indexSize ?? 0);
    } finally {
      await conn.close();
    }
  }
  return sizes;
}

export const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
