/**
 * Runs services as child processes and restarts whichever dies, with a back-off (npm start; ADR 0008).
 * Each child is forked with an IPC channel: it reports `ready` (lib/process/ready.ts) with its real port,
 * and exits by itself when the channel closes, so it never outlives the supervisor, even one killed
 * outright. A child that was given port 0 keeps the port it got at its first start on every restart, so
 * the URLs the others were given stay right.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { isReadyMessage, type ReadyMessage } from './ready';

export interface ServiceSpec {
  /** Name used in logs and events (gateway, housing, hj212, …). */
  name: string;
  /** Script to fork (a .ts file: run through tsx). */
  script: string;
  /** Variables added to the supervisor's environment for this child. */
  env?: Record<string, string>;
  /** The variable that holds the child's port: set to the port of its first start on restarts. */
  portVariable?: string;
  nodeArgs?: readonly string[];
  /** How long a start may take before it counts as failed (default 60 s). */
  readyTimeoutMs?: number;
}

export interface BackOff {
  /** First delay before a restart (default 500 ms), doubled after each failure up to maxMs. */
  initialMs: number;
  maxMs: number;
  /** A child that served this long before it died restarts after initialMs again. */
  resetAfterMs: number;
}

export const DEFAULT_BACK_OFF: BackOff = { initialMs: 500, maxMs: 30_000, resetAfterMs: 60_000 };

export interface SupervisedService {
  name: string;
  /** Resolves with the first start's ready message; rejects if the first start fails. */
  ready: Promise<ReadyMessage>;
  /** pid of the current child (undefined between a death and its restart). */
  pid(): number | undefined;
  /** Number of restarts so far. */
  restarts(): number;
  stop(): Promise<void>;
}

export interface SupervisorEvents {
  /** (name, info): every start that reported ready, restarts included. */
  ready: [string, ReadyMessage];
  /** (name, { code, signal, restartInMs }): a child died unexpectedly. */
  exit: [string, { code: number | null; signal: NodeJS.Signals | null; restartInMs: number }];
}

export interface SupervisorOptions {
  backOff?: Partial<BackOff>;
  log?: (level: 'info' | 'warn' | 'error', msg: string, fields: Record<string, unknown>) => void;
}

export class Supervisor extends EventEmitter<SupervisorEvents> {
  private readonly services: SupervisedService[] = [];
  private readonly backOff: BackOff;
  private readonly log: NonNullable<SupervisorOptions['log']>;

  constructor(options: SupervisorOptions = {}) {
    super();
    this.backOff = { ...DEFAULT_BACK_OFF, ...options.backOff };
    this.log = options.log ?? (() => undefined);
  }

  start(spec: ServiceSpec): SupervisedService {
    const backOff = this.backOff;
    const log = this.log;
    const emit = this.emit.bind(this);
    let child: ChildProcess | undefined;
    let stopped = false;
    let restarts = 0;
    let delay = backOff.initialMs;
    let pinnedPort: number | undefined;
    let restartTimer: NodeJS.Timeout | undefined;
    let resolveFirst!: (m: ReadyMessage) => void;
    let rejectFirst!: (e: Error) => void;
    let firstSettled = false;
    const ready = new Promise<ReadyMessage>((res, rej) => {
      resolveFirst = res;
      rejectFirst = rej;
    });
    ready.catch(() => undefined); // the caller awaits it; an unhandled rejection must not end us first

    const launch = () => {
      restartTimer = undefined;
      const env: NodeJS.ProcessEnv = { ...process.env, ...spec.env };
      if (spec.portVariable && pinnedPort !== undefined) env[spec.portVariable] = String(pinnedPort);
      const startedAt = Date.now();
      let servedSince: number | undefined;
      const c = fork(spec.script, [], {
        env,
        execArgv: [...(spec.nodeArgs ?? []), '--import', 'tsx'],
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      child = c;
      const readyTimer = setTimeout(() => {
        log('error', `${spec.name} did not report ready in time; killing it`, { service: spec.name, pid: c.pid });
        c.kill('SIGKILL');
      }, spec.readyTimeoutMs ?? 60_000);
      c.on('message', (m) => {
        if (!isReadyMessage(m)) return;
        clearTimeout(readyTimer);
        servedSince = Date.now();
        if (pinnedPort === undefined) pinnedPort = m.port;
        emit('ready', spec.name, m);
        if (!firstSettled) {
          firstSettled = true;
          resolveFirst(m);
        } else log('info', `${spec.name} restarted`, { service: spec.name, pid: c.pid, restarts, url: m.url });
      });
      c.once('exit', (code, signal) => {
        clearTimeout(readyTimer);
        child = undefined;
        if (stopped) return;
        if (!firstSettled) {
          // A service that cannot start once (bad configuration, port taken) will not start by retrying.
          firstSettled = true;
          rejectFirst(new Error(`${spec.name} exited (code ${code}, signal ${signal}) before it was ready, after ${Date.now() - startedAt} ms`));
          return;
        }
        if (servedSince !== undefined && Date.now() - servedSince >= backOff.resetAfterMs) delay = backOff.initialMs;
        const restartInMs = delay;
        delay = Math.min(delay * 2, backOff.maxMs);
        restarts++;
        log('error', `${spec.name} exited; restarting in ${restartInMs} ms`, { service: spec.name, code, signal, restartInMs, restarts });
        emit('exit', spec.name, { code, signal, restartInMs });
        restartTimer = setTimeout(launch, restartInMs);
      });
    };
    launch();

    const service: SupervisedService = {
      name: spec.name,
      ready,
      pid: () => child?.pid,
      restarts: () => restarts,
      stop: () => {
        stopped = true;
        if (restartTimer) clearTimeout(restartTimer);
        const c = child;
        if (!c || c.exitCode !== null || c.signalCode !== null) return Promise.resolve();
        return new Promise<void>((resolve) => {
          const kill = setTimeout(() => c.kill('SIGKILL'), 10_000);
          c.once('exit', () => {
            clearTimeout(kill);
            resolve();
          });
          c.kill('SIGTERM');
        });
      },
    };
    this.services.push(service);
    return service;
  }

  /** Stops the given services in order (e.g. the front first), then every other one at once. */
  async stopAll(first: string[] = []): Promise<void> {
    for (const name of first) await this.services.find((s) => s.name === name)?.stop();
    await Promise.all(this.services.map((s) => s.stop()));
  }
}
