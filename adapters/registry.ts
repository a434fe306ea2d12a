/** Every adapter, by the source name used on the command line (`npm run ingest -- <source> <file>`). */
import type { Adapter } from './common/adapter';

const ADAPTERS: Adapter[] = [];

export function allAdapters(): Adapter[] {
  return ADAPTERS;
}

export function adapterFor(source: string): Adapter | undefined {
  return ADAPTERS.find((a) => a.source === source);
}
