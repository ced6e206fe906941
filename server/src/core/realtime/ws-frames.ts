import * as ws from 'ws';

interface FrameOptions {
  fin: boolean;
  opcode: number;
  mask: boolean;
  readOnly: boolean;
  rsv1: boolean;
}

/** ws frames with `Sender.frame` (added for broadcasts that frame once, ws#1016); @types/ws does not declare it. */
const { Sender } = ws as unknown as { Sender: { frame(data: Buffer, options: FrameOptions): Buffer[] } };

const TEXT = 0x01;

/**
 * One buffer holding each message as a complete, unmasked WebSocket text frame (what a server
 * sends), in order: written to a socket in one call, the client reads them as separate messages.
 */
export function textFrames(messages: readonly Buffer[]): Buffer {
  const parts: Buffer[] = [];
  for (const message of messages)
    parts.push(...Sender.frame(message, { fin: true, opcode: TEXT, mask: false, readOnly: true, rsv1: false }));
  return Buffer.concat(parts);
}
