/**
 * Structured JSON logs on stderr, one object per line, written by pino. LOG_LEVEL=debug|info|warn|error|silent
 * (pino's trace and fatal work too). stdout stays free for the `XIETONG_*` lines that tools parse.
 *
 * Every line goes through pino's `redact`: personal fields (see REDACTED_PATHS) are replaced by
 * "[redacted]" at the top level of a line and inside the objects that could carry them (headers, a
 * record or document, a worker, variables or arguments, an error's extensions), in case one ever reaches
 * a log line. The access log (lib/http/accessLog.ts) is a child of the same logger.
 */
import pino, { type DestinationStream, type Logger } from 'pino';

/** Names of fields that carry personal data or credentials in this project's documents and headers. */
const PERSONAL = ['authorization', 'idNumber', 'idCard', 'phone', 'mobile', 'bankAccount', 'accountNo', 'name', 'workerName', 'contactName', 'legalRepresentative'];

/** Objects of a log line that could hold a personal field. */
const CONTAINERS = ['headers', 'record', 'doc', 'worker', 'variables', 'args', 'input', 'extensions'];

/**
 * Explicit paths, no wildcards: with `*.field` paths pino's redaction walks every key of every line, about
 * ten times the cost of writing it (measured on an access-log line); explicit paths cost nothing measurable.
 */
export const REDACTED_PATHS = [...PERSONAL, ...CONTAINERS.flatMap((c) => PERSONAL.map((f) => `${c}.${f}`)), 'req.headers.authorization'];

/**
 * A logger in this project's format (level as a word, ISO time, the process id) writing to `destination`
 * (default: process.stderr, looked up at each write, so the stream a process has is the one used).
 * Services write through `log`; a test or a tool that wants the lines elsewhere builds its own.
 */
export function createLogger(destination: DestinationStream = process.stderr, level = process.env.LOG_LEVEL || 'info'): Logger {
  return pino(
    {
      // An unknown LOG_LEVEL means info (as before pino), rather than a service that does not start.
      level: level === 'silent' || level in pino.levels.values ? level : 'info',
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    },
    destination,
  );
}

let root: Logger | undefined;

/** The process's logger, created on first use (LOG_LEVEL read then). */
export function rootLogger(): Logger {
  root ??= createLogger();
  return root;
}

type Fields = Record<string, unknown>;
const write = (level: 'debug' | 'info' | 'warn' | 'error') => (msg: string, fields?: Fields) => {
  const logger = rootLogger();
  if (fields) logger[level](fields, msg);
  else logger[level](msg);
};

export const log = {
  debug: write('debug'),
  info: write('info'),
  warn: write('warn'),
  error: write('error'),
};

/** Apollo Server's logger interface, writing our JSON lines with the service's name. */
export function apolloLogger(service: string) {
  const at = (level: 'debug' | 'info' | 'warn' | 'error') => (...message: unknown[]) => log[level](message.map(String).join(' '), { service });
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
