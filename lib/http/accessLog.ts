/**
 * One access-log line per `/graphql` request (not for /health, /ready, /metrics), at level info, as a
 * child of the process's pino logger (lib/log.ts: stderr, LOG_LEVEL, personal fields redacted):
 *
 *   {"level":"info","time":"…","pid":…,"service":"gateway","msg":"graphql request","requestId":"…",
 *    "clientRequestId":"…","sub":"…","dept":"hrss","operationName":"ProjectCard","operationType":"query",
 *    "durationMs":12.3,"status":200,"outcome":"partial","errors":["FORBIDDEN"],"subgraphs":["housing","hrss"]}
 *
 * clientRequestId, sub/dept (absent before the token is verified), errors and subgraphs (the gateway
 * only) appear when there is something to say. The operation name is the client's (cut to 100
 * characters): a log line may carry it, a metric label may not.
 */
import type { Logger } from 'pino';
import { rootLogger } from '../log';
import type { OperationType, Outcome } from './requestMetrics';

export interface AccessRecord {
  requestId: string;
  clientRequestId?: string;
  caller?: { sub?: unknown; dept?: unknown };
  operationName?: string;
  operationType: OperationType;
  durationMs: number;
  status: number;
  outcome: Outcome;
  errors: readonly string[];
  subgraphs?: ReadonlySet<string>;
}

export interface AccessLog {
  write(record: AccessRecord): void;
}

/** The access log of one service, on `logger` (default: the process's). */
export function accessLog(service: string, logger: Logger = rootLogger()): AccessLog {
  const out = logger.child({ service });
  return {
    write(r) {
      if (!out.isLevelEnabled('info')) return;
      const line: Record<string, unknown> = { requestId: r.requestId };
      if (r.clientRequestId) line.clientRequestId = r.clientRequestId;
      if (typeof r.caller?.sub === 'string') line.sub = r.caller.sub;
      if (typeof r.caller?.dept === 'string') line.dept = r.caller.dept;
      if (r.operationName) line.operationName = r.operationName.slice(0, 100);
      line.operationType = r.operationType;
      line.durationMs = Math.round(r.durationMs * 10) / 10;
      line.status = r.status;
      line.outcome = r.outcome;
      if (r.errors.length) line.errors = [...new Set(r.errors)];
      if (r.subgraphs?.size) line.subgraphs = [...r.subgraphs].sort();
      out.info(line, 'graphql request');
    },
  };
}
