/**
 * The explorer's HTML page and the headers every explorer response carries. The page holds no
 * script of its own: its settings (where to send queries, where the bundle is, the example tabs) sit
 * in a JSON block that the bundle reads, so the Content-Security-Policy can forbid inline code and
 * every other origin. Paths are relative, so the page also works behind a proxy that adds a prefix.
 */
import { EXAMPLE_OPERATIONS } from './examples';

/**
 * Only this origin, for everything. Inline styles stay allowed because React and Monaco set them at
 * run time; fonts and images come as data: URIs inside the bundle's CSS.
 */
export const EXPLORER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const EXPLORER_HEADERS = {
  'content-security-policy': EXPLORER_CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
} as const;

/** Where the bundle is served, relative to the page at /graphql. */
export const ASSETS_PATH = 'explorer/assets';

/** JSON that is safe inside a <script type="application/json"> element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export function explorerPage(): string {
  const settings = {
    endpoint: 'graphql',
    assets: ASSETS_PATH,
    examples: EXAMPLE_OPERATIONS.map((e) => ({ query: e.query, ...(e.variables ? { variables: e.variables } : {}) })),
  };
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Xietong explorer</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${ASSETS_PATH}/explorer.css">
<script type="application/json" id="explorer-settings">${scriptJson(settings)}</script>
<script type="module" src="${ASSETS_PATH}/explorer.js"></script>
</head>
<body>
<div id="explorer"><noscript>The Xietong explorer needs JavaScript. Without it, POST GraphQL requests to this URL with an <code>authorization: Bearer</code> token.</noscript></div>
</body>
</html>
`;
}

/** Shown when the bundle is missing on this machine (setup has not run here). */
export function explorerNotBuiltPage(): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Xietong explorer not built</title></head>
<body><h1>The explorer is not built on this machine</h1>
<p>Run <code>npm run setup</code> (it bundles GraphiQL into the build directory), then reload.
GraphQL itself works: POST requests to this URL with an <code>authorization: Bearer</code> token.</p></body></html>
`;
}
