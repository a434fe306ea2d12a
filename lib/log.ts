/** Structured JSON logs on stderr (one object per line). LOG_LEVEL=debug|info|warn|error|silent. */
const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
type Level = keyof typeof LEVELS;

function threshold(): number {
  const l = (process.env.LOG_LEVEL ?? 'info') as Level;
  return LEVELS[l] ?? LEVELS.info;
}

function write(level: Exclude<Level, 'silent'>, msg: string, fields?: Record<string, unknown>): void {
  if (LEVELS[level] < threshold()) return;
  process.stderr.write(JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields }) + '\n');
}

export const log = {
  debug: (msg: string, fields?: Record<string, unknown>) => write('debug', msg, fields),
  info: (msg: string, fields?: Record<string, unknown>) => write('info', msg, fields),
  warn: (msg: string, fields?: Record<string, unknown>) => write('warn', msg, fields),
  error: (msg: string, fields?: Record<string, unknown>) => write('error', msg, fields),
};

/** Apollo Server's logger interface, writing our JSON lines with the service's name. */
export function apolloLogger(service: string) {
  const at = (level: Exclude<Level, 'silent'>) => (...message: unknown[]) => write(level, message.map(String).join(' '), { service });
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
