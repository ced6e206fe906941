import type { RequestHandler } from 'express';

/**
 * The last route: an unknown path answered by us (with our security headers, not Express's
 * default page and its own CSP), and a clear word when the console has not been built.
 */
export function notFound(consoleServed: boolean): RequestHandler {
  return (req, res) => {
    if (!consoleServed && req.method === 'GET' && req.accepts('html') && !req.path.startsWith('/graphql')) {
      res
        .status(503)
        .type('text/plain; charset=utf-8')
        .send('The console has not been built yet. Run `npm run build` (npm start builds it for you); the API is at /graphql.\n');
      return;
    }
    res
      .status(404)
      .json({ errors: [{ message: `Nothing is served at ${req.path}.`, extensions: { code: 'NOT_FOUND', reason: 'http/not_found' } }] });
  };
}
