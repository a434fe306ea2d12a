/**
 * The child's side: read the config the runner passed, start, print `READY <json>`, and stop
 * cleanly when stdin reaches EOF (the runner ended or died), on SIGTERM or on Ctrl-C.
 */
/** The environment variable carrying a child's JSON config. */
export const CHILD_CONFIG_ENV = 'BENCH_GRAPH_CHILD_CONFIG';

export function childConfig<T>(): T {
  const raw = process.env[CHILD_CONFIG_ENV];
  if (!raw) throw new Error(`${CHILD_CONFIG_ENV} is not set: this file is started by bench/graph/run.ts`);
  return JSON.parse(raw) as T;
}

export function runChild<Info>(name: string, start: () => Promise<{ info: Info; stop(): Promise<void> }>): void {
  let stop: (() => Promise<void>) | undefined;
  let stopping = false;
  const shutdown = (why: string) => {
    if (stopping) return;
    stopping = true;
    const force = setTimeout(() => process.exit(0), 5_000);
    force.unref();
    void (stop ? stop() : Promise.resolve())
      .catch((e: unknown) => process.stderr.write(`[${name}] stop after ${why}: ${String(e)}\n`))
      .finally(() => process.exit(0));
  };
  process.stdin.on('end', () => shutdown('stdin EOF'));
  process.stdin.on('close', () => shutdown('stdin closed'));
  process.stdin.on('error', () => shutdown('stdin error'));
  process.stdin.resume();
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));

  start()
    .then((started) => {
      stop = started.stop;
      if (stopping) return void started.stop().finally(() => process.exit(0));
      process.stdout.write(`READY ${JSON.stringify(started.info)}\n`);
    })
    .catch((e: unknown) => {
      process.stderr.write(`[${name}] failed to start: ${(e as Error).stack ?? String(e)}\n`);
      process.exit(1);
    });
}
