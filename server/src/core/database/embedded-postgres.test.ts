import { chmodSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { privateAncestor } from './embedded-postgres';

describe('privateAncestor', () => {
  it('names the nearest directory on the way that others may not enter', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'cc-pg-'));
    chmodSync(root, 0o755);
    const closed = path.join(root, 'home');
    mkdirSync(path.join(closed, 'project', '.data'), { recursive: true });
    chmodSync(closed, 0o700);
    expect(privateAncestor(path.join(closed, 'project', '.data'))).toBe(closed);
  });

  it('finds none when every directory on the way lets others through', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'cc-pg-'));
    chmodSync(root, 0o755);
    mkdirSync(path.join(root, 'project', '.data'), { recursive: true });
    expect(privateAncestor(path.join(root, 'project', '.data', 'not-yet-created'))).toBeUndefined();
  });
});
