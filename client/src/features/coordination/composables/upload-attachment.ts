import { CSRF_HEADER, CSRF_HEADER_VALUE } from '@cc/shared';

export interface UploadedAttachment {
  id: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
}

/** A refusal of the upload route, with the server's message (too large, wrong type…) and its reason. */
export class UploadRefused extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly reason: string,
  ) {
    super(message);
    this.name = 'UploadRefused';
  }
}

/**
 * Sends one file to the server's upload route (POST /attachments, ADR 0021): the raw bytes, the
 * name percent-encoded, the session cookie (same origin) and the CSRF header the route demands.
 * The server reads the kind from the bytes; it answers 413 for a file too large, 415 for a kind
 * it does not take, each with a message a person can act on.
 */
export async function uploadAttachment(file: File): Promise<UploadedAttachment> {
  const response = await fetch('/attachments', {
    method: 'POST',
    credentials: 'include',
    headers: {
      'content-type': 'application/octet-stream',
      [CSRF_HEADER]: CSRF_HEADER_VALUE,
      'x-filename': encodeURIComponent(file.name),
    },
    body: file,
  });
  if (response.ok) return (await response.json()) as UploadedAttachment;
  const body = (await response.json().catch(() => null)) as { errors?: { message: string; extensions?: { reason?: string } }[] } | null;
  const error = body?.errors?.[0];
  throw new UploadRefused(error?.message ?? `Upload failed (${response.status}).`, response.status, error?.extensions?.reason ?? '');
}

/** Where a stored attachment is downloaded from (the server sends it as a download, never inline). */
export const attachmentUrl = (id: string) => `/attachments/${encodeURIComponent(id)}`;
