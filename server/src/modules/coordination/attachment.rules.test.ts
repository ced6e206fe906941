import { describe, expect, it } from 'vitest';
import { cleanFilename, contentDisposition, detectAttachmentKind } from './attachment.rules';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));

describe('detectAttachmentKind: from the bytes, never the sender’s word', () => {
  it('knows PDF, PNG, JPEG, Word and Excel packages, and UTF-8 text', () => {
    expect(detectAttachmentKind(bytes('%PDF-1.7\n'))).toBe('PDF');
    expect(detectAttachmentKind(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('PNG');
    expect(detectAttachmentKind(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe('JPEG');
    expect(detectAttachmentKind(bytes('PK\x03\x04....word/document.xml'))).toBe('DOCX');
    expect(detectAttachmentKind(bytes('PK\x03\x04....xl/workbook.xml'))).toBe('XLSX');
    expect(detectAttachmentKind(new TextEncoder().encode('关于加强交通检疫点物资保障的通知\r\n'))).toBe('TEXT');
  });

  it('refuses executables, other zips, HTML, SVG and binary noise', () => {
    expect(detectAttachmentKind(bytes('MZ\x90\x00'))).toBeNull();
    expect(detectAttachmentKind(bytes('\x7fELF'))).toBeNull();
    expect(detectAttachmentKind(bytes('PK\x03\x04....payload.exe'))).toBeNull();
    expect(detectAttachmentKind(bytes('<!DOCTYPE html><script>alert(1)</script>'))).toBeNull();
    expect(detectAttachmentKind(bytes('  <svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(detectAttachmentKind(bytes([0xc3, 0x28]))).toBeNull();
    expect(detectAttachmentKind(bytes('a\x00b'))).toBeNull();
    expect(detectAttachmentKind(new Uint8Array())).toBeNull();
  });
});

describe('cleanFilename', () => {
  it('drops directories and control characters and ends in the real kind’s extension', () => {
    expect(cleanFilename('../../etc/通知.pdf', 'PDF')).toBe('通知.pdf');
    expect(cleanFilename('C:\\x\\a\nb.PDF', 'PDF')).toBe('ab.pdf');
    expect(cleanFilename('invoice.pdf', 'PNG')).toBe('invoice.png');
    expect(cleanFilename('photo.jpeg', 'JPEG')).toBe('photo.jpeg');
    expect(cleanFilename('', 'TEXT')).toBe('attachment.txt');
    expect(cleanFilename('.hidden', 'TEXT')).toBe('hidden.txt');
    expect([...cleanFilename('长'.repeat(500) + '.docx', 'DOCX')]).toHaveLength(200);
  });
});

describe('contentDisposition', () => {
  it('is always an attachment, with the UTF-8 name encoded and an ASCII fallback', () => {
    expect(contentDisposition('通知 (1).pdf')).toBe(`attachment; filename="__ (1).pdf"; filename*=UTF-8''%E9%80%9A%E7%9F%A5%20%281%29.pdf`);
    expect(contentDisposition('a";b.txt')).toBe(`attachment; filename="a__b.txt"; filename*=UTF-8''a%22%3Bb.txt`);
  });
});
