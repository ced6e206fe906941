import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Express } from 'express';
import { introspectionFromSchema, type GraphQLSchema } from 'graphql';

/**
 * GraphiQL at GET /graphql for a browser, in development only, with no CDN: GraphiQL 3's
 * UMD build, React 18 and graphql-ws are served from node_modules (server devDependencies).
 * Every script is a file from 'self' — the page has no inline script, so the console's CSP
 * holds here too. A production install has no devDependencies; then this serves nothing.
 */

const ASSETS_PATH = '/__graphiql';

const require = createRequire(import.meta.url);

function assetFiles(): Record<string, string> | undefined {
  try {
    const pkg = (name: string) => path.dirname(require.resolve(`${name}/package.json`));
    const files = {
      'react.js': path.join(pkg('react'), 'umd', 'react.production.min.js'),
      'react-dom.js': path.join(pkg('react-dom'), 'umd', 'react-dom.production.min.js'),
      'graphiql.js': path.join(pkg('graphiql'), 'graphiql.min.js'),
      'graphiql.css': path.join(pkg('graphiql'), 'graphiql.min.css'),
      'graphql-ws.js': path.join(pkg('graphql-ws'), 'umd', 'graphql-ws.min.js'),
    };
    return Object.values(files).every((file) => existsSync(file)) ? files : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Starts GraphiQL with a fetcher for /graphql over HTTP (session cookie) and WebSocket
 * (subscriptions). The schema comes from a served introspection result: the endpoint's depth
 * limit (10) refuses GraphiQL's own 15-level introspection query, and rightly so for clients.
 */
const INIT_SCRIPT = `(function () {
  var scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  var fetcher = GraphiQL.createFetcher({
    url: location.origin + '/graphql',
    wsClient: graphqlWs.createClient({ url: scheme + '//' + location.host + '/graphql', lazy: true }),
  });
  fetch('${ASSETS_PATH}/introspection.json')
    .then(function (response) { return response.json(); })
    .then(function (introspection) {
      ReactDOM.createRoot(document.getElementById('graphiql')).render(
        React.createElement(GraphiQL, { fetcher: fetcher, schema: introspection, defaultEditorToolsVisibility: true, shouldPersistHeaders: false }),
      );
    });
})();
`;

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>GraphiQL · Command Centre API</title>
<link rel="stylesheet" href="${ASSETS_PATH}/graphiql.css">
<style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="graphiql">Loading GraphiQL… (sign in to the console first for anything beyond sign-in itself)</div>
<script src="${ASSETS_PATH}/react.js"></script>
<script src="${ASSETS_PATH}/react-dom.js"></script>
<script src="${ASSETS_PATH}/graphql-ws.js"></script>
<script src="${ASSETS_PATH}/graphiql.js"></script>
<script src="${ASSETS_PATH}/init.js"></script>
</body>
</html>
`;

/** Registers GraphiQL; call before the GraphQL middleware. Returns whether it is served. */
export function serveGraphiQL(app: Express, { enabled, schema }: { enabled: boolean; schema: GraphQLSchema }): boolean {
  if (!enabled) return false;
  const files = assetFiles();
  if (!files) return false;
  const introspection = JSON.stringify(introspectionFromSchema(schema));

  app.get(`${ASSETS_PATH}/:file`, (req, res, next) => {
    const name = req.params.file;
    if (name === 'init.js') return void res.type('application/javascript').setHeader('Cache-Control', 'no-cache').send(INIT_SCRIPT);
    if (name === 'introspection.json') return void res.type('application/json').setHeader('Cache-Control', 'no-cache').send(introspection);
    const file = files[name];
    if (!file) return next();
    res.sendFile(file, { maxAge: '1d' });
  });

  // Only a browser navigating to /graphql gets the page; API requests (JSON accepted first,
  // or a `query` in the URL) go on to the GraphQL endpoint untouched.
  app.get('/graphql', (req, res, next) => {
    if (req.query['query'] !== undefined) return next();
    if (req.accepts(['application/graphql-response+json', 'application/json', 'text/html']) !== 'text/html') return next();
    res.type('html').setHeader('Cache-Control', 'no-cache').send(PAGE);
  });
  return true;
}
