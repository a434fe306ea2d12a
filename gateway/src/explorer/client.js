// The explorer in the browser: GraphiQL with a token field, bundled with esbuild by
// gateway/src/explorer/build.js (run by the project's setup) and served from the gateway's own origin.
// Plain JavaScript, no JSX: the bundle is the only consumer and the repository's TypeScript has no DOM.
// Everything the page needs comes from the gateway: the settings arrive in a JSON block of the page
// (not a script, so the Content-Security-Policy allows no inline code), Monaco's workers are files of
// this bundle, and the token stays in this page's memory (never stored).
import { createElement as h, Fragment, StrictMode, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import 'graphiql/style.css';
import './explorer.css';

const settings = JSON.parse(document.getElementById('explorer-settings').textContent);

// Monaco runs its language services in workers; each is a file of this build on this origin.
globalThis.MonacoEnvironment = {
  getWorker(_workerId, label) {
    const name = label === 'json' ? 'json' : label === 'graphql' ? 'graphql' : 'editor';
    return new Worker(`${settings.assets}/${name}.worker.js`);
  },
};

/** Accepts a bare JWT or a pasted `Bearer …` header value. */
function tokenOf(text) {
  return text.trim().replace(/^bearer\s+/i, '');
}

function TokenForm({ token, onToken }) {
  const [draft, setDraft] = useState('');
  const submit = (event) => {
    event.preventDefault();
    onToken(tokenOf(draft));
  };
  return h(
    'form',
    { className: 'xt-token', onSubmit: submit },
    h('strong', null, 'Xietong explorer'),
    h('label', { htmlFor: 'xt-token' }, 'Token'),
    h('input', {
      id: 'xt-token',
      type: 'password',
      autoComplete: 'off',
      spellCheck: false,
      placeholder: 'a JWT, e.g. from npm run token -- --dept housing',
      value: draft,
      onChange: (event) => setDraft(event.target.value),
    }),
    h('button', { id: 'xt-token-use', type: 'submit' }, 'Use token'),
    h(
      'span',
      { id: 'xt-token-status', className: token ? 'xt-ok' : 'xt-missing' },
      token ? 'Token in use (kept in this page only).' : 'No token: the gateway answers nothing without one, not even the schema.',
    ),
  );
}

function Explorer() {
  const [token, setToken] = useState('');
  // A new fetcher makes GraphiQL introspect again, so the docs appear once a token is given.
  const fetcher = useMemo(
    () =>
      createGraphiQLFetcher({
        url: settings.endpoint,
        headers: token ? { authorization: `Bearer ${token}` } : {},
      }),
    [token],
  );
  return h(
    Fragment,
    null,
    h(TokenForm, { token, onToken: setToken }),
    h(
      'div',
      { className: 'xt-graphiql' },
      h(GraphiQL, {
        fetcher,
        defaultTabs: settings.examples,
        defaultEditorToolsVisibility: true,
        shouldPersistHeaders: false,
      }),
    ),
  );
}

createRoot(document.getElementById('explorer')).render(h(StrictMode, null, h(Explorer)));
