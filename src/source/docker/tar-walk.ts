import { firstTarEntry, TarError, type TarHeader } from './tar-entry.js';

/**
 * Walks a tar stream entry by entry as it arrives (what `docker save` writes),
 * keeping in memory only the header being read and the entries the caller
 * wants: the contents of the others are counted past, never joined. The
 * caller stops the walk as soon as it has what it needs, so the rest of the
 * archive (an image's layers) need not be read.
 */

const BLOCK = 512;

/** What to do with an entry, decided from its header. */
export type EntryChoice = 'skip' | 'read' | 'stop';

export interface TarWalkHandlers {
  header: (header: TarHeader) => EntryChoice;
  /** A read entry's whole content; 'stop' ends the walk. */
  content: (header: TarHeader, content: Buffer) => 'more' | 'stop';
  /** Entries to read are at most this large; larger ones are an error. */
  maxReadBytes: number;
}

type State =
  | { kind: 'header' }
  | { kind: 'skip'; left: number }
  | { kind: 'read'; header: TarHeader; left: number; padding: number; chunks: Buffer[] }
  | { kind: 'done' };

export class TarWalk {
  private state: State = { kind: 'header' };
  /** Bytes of the header being read (a pax header can span several chunks). */
  private pending: Buffer = Buffer.alloc(0);

  constructor(private readonly handlers: TarWalkHandlers) {}

  get done(): boolean {
    return this.state.kind === 'done';
  }

  /** Takes the next bytes of the stream; 'stop' once the walk is over. Throws TarError. */
  feed(chunk: Buffer): 'more' | 'stop' {
    let data = chunk;
    while (data.length > 0 && this.state.kind !== 'done') {
      const state = this.state;
      if (state.kind === 'skip') {
        const taken = Math.min(state.left, data.length);
        state.left -= taken;
        data = data.subarray(taken);
        if (state.left === 0) this.state = { kind: 'header' };
      } else if (state.kind === 'read') {
        const taken = Math.min(state.left, data.length);
        state.chunks.push(data.subarray(0, taken));
        state.left -= taken;
        data = data.subarray(taken);
        if (state.left === 0) {
          const choice = this.handlers.content(state.header, Buffer.concat(state.chunks));
          this.state = choice === 'stop' ? { kind: 'done' } : { kind: 'skip', left: state.padding };
          if (this.state.kind === 'skip' && this.state.left === 0) this.state = { kind: 'header' };
        }
      } else if (state.kind === 'header') {
        this.pending = this.pending.length === 0 ? data : Buffer.concat([this.pending, data]);
        data = Buffer.alloc(0);
        if (this.pending.length >= BLOCK && this.pending.subarray(0, BLOCK).every((b) => b === 0)) {
          // The end-of-archive marker.
          this.state = { kind: 'done' };
          break;
        }
        const entry = firstTarEntry(this.pending);
        if (!entry) continue;
        const rest = this.pending.subarray(entry.contentOffset);
        this.pending = Buffer.alloc(0);
        data = rest;
        const { header } = entry;
        const padded = Math.ceil(header.size / BLOCK) * BLOCK;
        const choice = this.handlers.header(header);
        if (choice === 'stop') {
          this.state = { kind: 'done' };
        } else if (choice === 'read' && header.type === 'file') {
          if (header.size > this.handlers.maxReadBytes) {
            throw new TarError(
              `${header.name} is ${header.size} bytes, over the ${this.handlers.maxReadBytes}-byte limit`,
            );
          }
          this.state = {
            kind: 'read',
            header,
            left: header.size,
            padding: padded - header.size,
            chunks: [],
          };
          if (header.size === 0) {
            // Nothing to wait for: hand over the empty content at once.
            const next = this.handlers.content(header, Buffer.alloc(0));
            this.state = next === 'stop' ? { kind: 'done' } : { kind: 'header' };
          }
        } else {
          this.state = padded === 0 ? { kind: 'header' } : { kind: 'skip', left: padded };
        }
      }
    }
    return this.state.kind === 'done' ? 'stop' : 'more';
  }
}
