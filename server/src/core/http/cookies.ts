import { parse, serialize } from 'cookie';
import type { IncomingMessage } from 'node:http';

export function readCookie(request: IncomingMessage, name: string): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  return parse(header)[name];
}

/** httpOnly and SameSite=Strict: scripts cannot read it and other sites cannot send it. */
export function sessionCookie(name: string, token: string, expiresAt: Date, secure: boolean): string {
  return serialize(name, token, { httpOnly: true, sameSite: 'strict', secure, path: '/', expires: expiresAt });
}

export function clearedCookie(name: string, secure: boolean): string {
  return serialize(name, '', { httpOnly: true, sameSite: 'strict', secure, path: '/', expires: new Date(0) });
}
