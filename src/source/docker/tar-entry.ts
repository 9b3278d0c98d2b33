/**
 * The first entry of a tar stream (what `docker cp CONTAINER:PATH -` writes),
 * read header first: its type and size are known before any of its content is
 * read, so a FIFO, a device or a whole directory tree is recognised from 512
 * bytes and the stream can be stopped there.
 *
 * Only what the first entry needs: the POSIX ustar header, pax extended
 * headers before it (`x`, `g`: their `size` and `path` records override the
 * header's), GNU long names (`L`; long link names, `K`, are skipped), and numbers in octal or
 * base-256 (Go's archive/tar writes base-256 for values octal cannot hold).
 * A small reader rather than a tar library: the libraries read whole archives
 * and bring several packages for the one header this needs.
 */

const BLOCK = 512;

export type TarEntryType =
  'file' | 'hardlink' | 'symlink' | 'char device' | 'block device' | 'directory' | 'fifo' | 'other';

export interface TarHeader {
  name: string;
  type: TarEntryType;
  size: number;
  linkName: string;
}

const TYPES: Record<string, TarEntryType> = {
  '0': 'file',
  '\0': 'file',
  '7': 'file',
  '1': 'hardlink',
  '2': 'symlink',
  '3': 'char device',
  '4': 'block device',
  '5': 'directory',
  '6': 'fifo',
};

/** Thrown for a stream that is not a tar archive. */
export class TarError extends Error {}

function text(block: Buffer, offset: number, length: number): string {
  const field = block.subarray(offset, offset + length);
  const end = field.indexOf(0);
  return field.subarray(0, end === -1 ? field.length : end).toString('utf8');
}

/** An octal field (space or NUL terminated), or base-256 when the high bit of its first byte is set. */
export function tarNumber(field: Buffer): number {
  if (field.length > 0 && (field[0]! & 0x80) !== 0) {
    if ((field[0]! & 0x40) !== 0) throw new TarError('a negative number in a tar header');
    let value = BigInt(field[0]! & 0x3f);
    for (const byte of field.subarray(1)) value = (value << 8n) | BigInt(byte);
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new TarError('a tar number out of range');
    return Number(value);
  }
  const digits = field
    .toString('latin1')
    .replace(/[\0 ]+$/, '')
    .replace(/^[\0 ]+/, '');
  if (digits === '') return 0;
  if (!/^[0-7]+$/.test(digits))
    throw new TarError(`a malformed tar number ${JSON.stringify(digits)}`);
  return parseInt(digits, 8);
}

function checksumOk(block: Buffer): boolean {
  let sum = 0;
  for (let index = 0; index < BLOCK; index++) {
    sum += index >= 148 && index < 156 ? 0x20 : block[index]!;
  }
  return tarNumber(block.subarray(148, 156)) === sum;
}

/** pax records: "LEN key=value\n" … */
function paxRecords(body: Buffer): Map<string, string> {
  const records = new Map<string, string>();
  let offset = 0;
  while (offset < body.length) {
    const space = body.indexOf(0x20, offset);
    if (space === -1) break;
    const length = Number(body.subarray(offset, space).toString('latin1'));
    if (
      !Number.isSafeInteger(length) ||
      length <= space - offset ||
      offset + length > body.length
    ) {
      throw new TarError('a malformed pax record');
    }
    const record = body.subarray(space + 1, offset + length - 1).toString('utf8');
    const equals = record.indexOf('=');
    if (equals > 0) records.set(record.slice(0, equals), record.slice(equals + 1));
    offset += length;
  }
  return records;
}

/** Extended headers before the first entry carry at most this much: more is not a docker cp stream. */
const MAX_EXTENDED_BYTES = 1024 * 1024;

/**
 * Reads the first entry's header from the start of a tar stream. Returns null
 * while more bytes are needed; `contentOffset` is where the entry's content
 * begins in `data`.
 */
export function firstTarEntry(data: Buffer): { header: TarHeader; contentOffset: number } | null {
  let offset = 0;
  let pax = new Map<string, string>();
  for (;;) {
    if (data.length < offset + BLOCK) return null;
    const block = data.subarray(offset, offset + BLOCK);
    if (block.every((byte) => byte === 0)) throw new TarError('an empty tar archive');
    if (!checksumOk(block)) throw new TarError('a tar header with a bad checksum');
    const flag = String.fromCharCode(block[156]!);
    const size = tarNumber(block.subarray(124, 136));
    offset += BLOCK;
    if (flag === 'x' || flag === 'g' || flag === 'L' || flag === 'K') {
      if (offset + size > MAX_EXTENDED_BYTES) throw new TarError('tar extended headers over 1 MiB');
      const padded = Math.ceil(size / BLOCK) * BLOCK;
      if (data.length < offset + padded) return null;
      if (flag === 'x')
        pax = new Map([...pax, ...paxRecords(data.subarray(offset, offset + size))]);
      // A GNU long name: the next entry's name, NUL-terminated (a pax path still wins).
      if (flag === 'L' && !pax.has('path'))
        pax = new Map([...pax, ['path', text(data, offset, size)]]);
      offset += padded;
      continue;
    }
    const prefix = text(block, 345, 155);
    const name =
      pax.get('path') ?? (prefix ? `${prefix}/${text(block, 0, 100)}` : text(block, 0, 100));
    const paxSize = pax.get('size');
    if (paxSize !== undefined && !/^\d{1,15}$/.test(paxSize)) {
      throw new TarError('a malformed pax size');
    }
    return {
      header: {
        name,
        type: TYPES[flag] ?? 'other',
        size: paxSize === undefined ? size : Number(paxSize),
        linkName: pax.get('linkpath') ?? text(block, 157, 100),
      },
      contentOffset: offset,
    };
  }
}
