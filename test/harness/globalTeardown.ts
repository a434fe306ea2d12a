import fs from 'node:fs';
import type { EmbeddedStore } from '../../adapters/store/embedded';

export default async function globalTeardown(): Promise<void> {
  const state = (globalThis as Record<string, unknown>).__XIETONG_TEST_STORE__ as { store: EmbeddedStore; dir: string } | undefined;
  if (!state) return;
  await state.store.stop();
  fs.rmSync(state.dir, { recursive: true, force: true });
}
