import type { IncomingMessage } from 'node:http';
import proxyaddr from 'proxy-addr';

/**
 * The client's address for a request Express did not see (the WebSocket upgrade), by Express's
 * own rule for req.ip: X-Forwarded-For is believed only from the proxies TRUST_PROXY names. So a
 * per-address limit counts the same client whichever door it comes through.
 */
export function clientAddressResolver(trustProxy: readonly string[]): (request: IncomingMessage) => string {
  const trust = proxyaddr.compile([...trustProxy]);
  return (request) => {
    try {
      return proxyaddr(request, trust);
    } catch {
      return request.socket.remoteAddress ?? '';
    }
  };
}
