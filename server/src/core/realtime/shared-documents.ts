import type { DocumentNode } from 'graphql';

/**
 * One parsed document per distinct subscription text, shared by every socket that sent it.
 * A parsed document keeps its token list (about 15 KiB for the incident board's), and every
 * console of a kind sends the same text: kept per socket, it was the largest part of an idle
 * connection's memory. Documents are immutable, so sharing one is safe. The newest few hundred
 * texts are kept; a client sending endless variations only ever gets its own copy.
 */
export class SharedDocuments {
  private readonly byText = new Map<string, DocumentNode>();

  constructor(private readonly limit = 256) {}

  share(text: string, parsed: DocumentNode): DocumentNode {
    const known = this.byText.get(text);
    if (known) return known;
    this.byText.set(text, parsed);
    if (this.byText.size > this.limit) this.byText.delete(this.byText.keys().next().value as string);
    return parsed;
  }
}
