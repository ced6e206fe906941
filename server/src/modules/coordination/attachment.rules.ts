import { ATTACHMENT_KINDS, type AttachmentKind } from '@cc/shared';

const startsWith = (bytes: Uint8Array, signature: readonly number[]) => signature.every((b, i) => bytes[i] === b);

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const ZIP = [0x50, 0x4b, 0x03, 0x04]; // PK\3\4: DOCX and XLSX are zip packages

/**
 * What a file is, from its bytes alone (the sender's Content-Type and file name are not
 * believed): PDF, PNG, JPEG, a Word or Excel package, or UTF-8 plain text. Null for anything
 * else, e.g. an executable, HTML or an SVG, which the allow-list refuses.
 */
export function detectAttachmentKind(bytes: Uint8Array): AttachmentKind | null {
  if (startsWith(bytes, PDF)) return 'PDF';
  if (startsWith(bytes, PNG)) return 'PNG';
  if (startsWith(bytes, JPEG)) return 'JPEG';
  if (startsWith(bytes, ZIP)) {
    // An Office package names its main part in the zip's file headers (stored uncompressed).
    const names = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    if (names.includes('word/document.xml')) return 'DOCX';
    if (names.includes('xl/workbook.xml')) return 'XLSX';
    return null;
  }
  return isPlainText(bytes) ? 'TEXT' : null;
}

/** Valid UTF-8 without control characters other than tab, line feed, carriage return and form feed. */
function isPlainText(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return false;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text)) return false;
  // Markup a browser would render is not plain text, whatever it is called.
  return !/^\s*(<!doctype|<html|<svg|<\?xml|<script)/i.test(text);
}

export const MAX_FILENAME_LENGTH = 200;

/**
 * The name kept and offered on download: no directories, no control characters, not empty,
 * at most 200 characters, and ending in the extension of what the file really is.
 */
export function cleanFilename(raw: string, kind: AttachmentKind): string {
  const extension = ATTACHMENT_KINDS[kind].extension;
  let name = raw
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .split(/[\\/]/)
    .pop()!
    .trim();
  name = name.replace(/^\.+/, '');
  const dot = name.lastIndexOf('.');
  const stem = (dot > 0 ? name.slice(0, dot) : name).trim() || 'attachment';
  const given = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  const ext = given === extension || (kind === 'JPEG' && given === 'jpeg') ? given : extension;
  return `${[...stem].slice(0, MAX_FILENAME_LENGTH - ext.length - 1).join('')}.${ext}`;
}

/** `Content-Disposition` for a download: always an attachment, the name in RFC 5987 form plus an ASCII fallback. */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\;]/g, '_');
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
