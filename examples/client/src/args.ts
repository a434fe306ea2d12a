/** Command-line options of main.ts, with the environment as fallback (so a token need not be in shell history). */
export interface Options {
  url: string;
  token: string;
  /** Wage month `YYYY-MM` for wageArrears and the project's wage status. */
  month: string;
  /** Project code for the unified view; the first listed project when absent. */
  code?: string;
}

const USAGE = `usage: tsx main.ts --url <gateway /graphql URL> --token <JWT> [--month YYYY-MM] [--code <project code>]
  environment: XIETONG_URL, XIETONG_TOKEN (defaults for --url and --token)`;

export function parseArgs(argv: readonly string[], env: Record<string, string | undefined>): Options {
  const given: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i];
    if (!/^--(url|token|month|code)$/.test(name)) throw new Error(`unknown argument ${name}\n${USAGE}`);
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--')) throw new Error(`${name} needs a value\n${USAGE}`);
    given[name.slice(2)] = value;
    i++;
  }
  const url = given.url ?? env.XIETONG_URL;
  const token = given.token ?? env.XIETONG_TOKEN;
  if (!url) throw new Error(`no gateway URL: give --url or set XIETONG_URL\n${USAGE}`);
  if (!token) throw new Error(`no token: give --token or set XIETONG_TOKEN (docs/sandbox-token.md)\n${USAGE}`);
  const month = given.month ?? '2026-10';
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new Error(`--month must be YYYY-MM, got "${month}"`);
  return { url, token, month, code: given.code };
}
