/**
 * The explorer on the gateway's origin: `GET /graphql` from a browser (it asks for text/html before
 * JSON) gets the page, `GET /explorer/assets/<file>` the bundle built by setup. JSON GETs and every
 * POST go on to GraphQL unchanged. The page and the bundle carry no data, so they need no token;
 * the queries the page sends (introspection included) do, like any other.
 */
import fs from 'node:fs';
import path from 'node:path';
import type http from 'node:http';
import { EXPLORER_HEADERS, explorerNotBuiltPage, explorerPage } from './page';
// Shared with setup (plain CommonJS), so that both agree on where the bundle is.
import { EXPLORER_BUILD_DIR } from './build';

const ASSET_ROUTE = /^\/explorer\/assets\/([\w.-]+)$/;

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

/** A browser navigating asks for text/html before any JSON type; API clients ask for JSON or nothing. */
export function wantsHtml(req: http.IncomingMessage): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const types = String(req.headers.accept ?? '')
    .split(',')
    .map((t) => t.split(';')[0].trim().toLowerCase());
  const html = types.indexOf('text/html');
  if (html < 0) return false;
  const json = types.findIndex((t) => t === 'application/json' || t === 'application/graphql-response+json');
  return json < 0 || html < json;
}

function send(req: http.IncomingMessage, res: http.ServerResponse, status: number, type: string, body: Buffer | string, extra: http.OutgoingHttpHeaders = {}) {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  res.writeHead(status, { ...EXPLORER_HEADERS, ...extra, 'content-type': type, 'content-length': bytes.length });
  res.end(req.method === 'HEAD' ? undefined : bytes);
}

export interface ExplorerRoutesOptions {
  /** Where the bundle is (default: <XIETONG_BUILD_DIR>/explorer, where setup writes it). */
  buildDir?: string;
}

/** An `extraRoutes` handler for lib/http/server.ts: true when it answered. */
export function explorerRoutes(options: ExplorerRoutesOptions = {}) {
  const dir: string = options.buildDir ?? EXPLORER_BUILD_DIR;
  const built = () => fs.existsSync(path.join(dir, 'explorer.js'));
  // The stamp changes with every build: the validator of every asset.
  const etag = () => {
    try {
      return `"${fs.readFileSync(path.join(dir, 'build.sha256'), 'utf8').trim().slice(0, 32)}"`;
    } catch {
      return undefined;
    }
  };

  return (req: http.IncomingMessage, res: http.ServerResponse): boolean => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (pathname === '/graphql' && wantsHtml(req)) {
      if (!built()) send(req, res, 503, 'text/html; charset=utf-8', explorerNotBuiltPage(), { 'cache-control': 'no-store' });
      else send(req, res, 200, 'text/html; charset=utf-8', explorerPage(), { 'cache-control': 'no-cache', vary: 'accept' });
      return true;
    }
    const asset = ASSET_ROUTE.exec(pathname);
    if (!asset) return false;
    const file = path.join(dir, asset[1]);
    const type = CONTENT_TYPES[path.extname(file)];
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !type || !fs.existsSync(file)) {
      send(req, res, 404, 'text/plain; charset=utf-8', `no explorer asset ${asset[1]}${built() ? '' : ' (the explorer is not built: npm run setup)'}`);
      return true;
    }
    const tag = etag();
    if (tag && req.headers['if-none-match'] === tag) {
      res.writeHead(304, { ...EXPLORER_HEADERS, etag: tag });
      res.end();
      return true;
    }
    send(req, res, 200, type, fs.readFileSync(file), { 'cache-control': 'no-cache', ...(tag ? { etag: tag } : {}) });
    return true;
  };
}
