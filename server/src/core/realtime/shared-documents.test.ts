import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { SharedDocuments } from './shared-documents';

const TEXT = 'subscription { incidentChanged { position } }';

describe('SharedDocuments', () => {
  it('hands every socket that sent the same text the first parsed copy', () => {
    const documents = new SharedDocuments();
    const first = documents.share(TEXT, parse(TEXT));
    expect(documents.share(TEXT, parse(TEXT))).toBe(first);
    const other = 'subscription { incidentChanged { kind } }';
    expect(documents.share(other, parse(other))).not.toBe(first);
  });

  it('keeps only the newest texts, so endless variations cannot grow it', () => {
    const documents = new SharedDocuments(2);
    const first = documents.share(TEXT, parse(TEXT));
    for (const field of ['kind', 'committedAt']) documents.share(`subscription { incidentChanged { ${field} } }`, parse(TEXT));
    const again = parse(TEXT);
    expect(documents.share(TEXT, again)).toBe(again);
    expect(documents.share(TEXT, parse(TEXT))).not.toBe(first);
  });
});
