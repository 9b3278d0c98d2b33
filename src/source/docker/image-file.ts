import { firstTarEntry, type TarEntryType } from './tar-entry.js';

/** A file of an image, as a created container's archive gave it. */
export type ImageFile =
  | { kind: 'file'; text: string }
  /** A regular file within the limit whose content was not asked for: its size, from the stat. */
  | { kind: 'regular'; size: number }
  | { kind: 'missing' }
  | { kind: 'not-regular'; type: TarEntryType | 'socket' }
  | { kind: 'too-large'; size: number }
  | { kind: 'unreadable'; reason: string };

/**
 * Reads one file from the tar stream a container's archive sends (`docker cp -L C:PATH -`,
 * or the Engine API's GET /containers/C/archive), header first: anything but a regular file
 * of at most `maxBytes` is known from 512 bytes, and the stream is stopped there.
 */
export class FirstFileReader {
  // The chunks are kept as they come and joined only to look for the header and once at
  // the end: joining at every chunk would copy a 64 MiB file some thousand times.
  private readonly chunks: Buffer[] = [];
  private received = 0;
  private entry: ReturnType<typeof firstTarEntry> = null;
  /** The file, once the stream has said what it is. */
  outcome: ImageFile | null = null;
  /** Why the stream is not a tar archive, when it is not. */
  malformed: string | null = null;

  constructor(private readonly maxBytes: number) {}

  feed(chunk: Buffer): 'more' | 'enough' {
    this.chunks.push(chunk);
    this.received += chunk.length;
    if (!this.entry) {
      try {
        this.entry = firstTarEntry(Buffer.concat(this.chunks));
      } catch (error) {
        this.malformed = (error as Error).message;
        return 'enough';
      }
      if (!this.entry) return 'more';
      if (this.entry.header.type !== 'file') {
        this.outcome = { kind: 'not-regular', type: this.entry.header.type };
        return 'enough';
      }
      if (this.entry.header.size > this.maxBytes) {
        this.outcome = { kind: 'too-large', size: this.entry.header.size };
        return 'enough';
      }
    }
    const { header, contentOffset } = this.entry;
    if (this.received < contentOffset + header.size) return 'more';
    const data = Buffer.concat(this.chunks);
    this.outcome = {
      kind: 'file',
      text: data.subarray(contentOffset, contentOffset + header.size).toString('utf8'),
    };
    return 'enough';
  }
}
