import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TarError } from '../../src/source/docker/tar-entry.js';
import { TarWalk } from '../../src/source/docker/tar-walk.js';

/** Archives made by GNU tar, in the formats docker save and others write. */
const dir = mkdtempSync(join(tmpdir(), 'nonroot-guard-tar-walk-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const LONG = `${'d'.repeat(120)}/${'f'.repeat(120)}`;
const files: Record<string, Buffer> = {
  'blobs/sha256/0001': Buffer.alloc(3 * 1024 * 1024 + 7, 'x'),
  'blobs/sha256/0002': Buffer.from('{"wanted":true}'),
  'blobs/sha256/0003': Buffer.alloc(0),
  [LONG]: Buffer.from('a long name'),
  'index.json': Buffer.from('{"manifests":[]}'),
};
const root = join(dir, 'tree');
for (const [name, content] of Object.entries(files)) {
  mkdirSync(join(root, name, '..'), { recursive: true });
  writeFileSync(join(root, name), content);
}
/** ustar cannot hold the long name: it is left out of that archive. */
const archive = (format: string) =>
  execFileSync(
    'tar',
    [
      '--format',
      format,
      '--sort=name',
      ...(format === 'ustar' ? ['--exclude', './d*'] : []),
      '-C',
      root,
      '-cf',
      '-',
      '.',
    ],
    { maxBuffer: 64 * 1024 * 1024 },
  );

/** Feeds an archive in pieces of `size` bytes; the names seen and the contents read. */
function walk(data: Buffer, size: number, wanted: (name: string) => boolean, stopAfter?: string) {
  const seen: string[] = [];
  const read: Record<string, string> = {};
  let fed = 0;
  const walker = new TarWalk({
    header: (header) => {
      seen.push(header.name.replace(/^\.\//, ''));
      return wanted(header.name.replace(/^\.\//, '')) ? 'read' : 'skip';
    },
    content: (header, content) => {
      const name = header.name.replace(/^\.\//, '');
      read[name] = content.toString('utf8');
      return name === stopAfter ? 'stop' : 'more';
    },
    maxReadBytes: 1024 * 1024,
  });
  for (let offset = 0; offset < data.length; offset += size) {
    fed = offset + size;
    if (walker.feed(data.subarray(offset, offset + size)) === 'stop') break;
  }
  return { seen, read, fed: Math.min(fed, data.length), done: walker.done };
}

describe('walking a tar stream', () => {
  it.each(['pax', 'gnu', 'ustar'])(
    'reads the entry wanted in a %s archive, in pieces of any size, and skips the rest',
    (format) => {
      const data = archive(format);
      for (const size of [1, 7, 512, 4096, 65536, data.length]) {
        const result = walk(data, size, (name) => /^blobs\/sha256\/000[23]$/.test(name));
        expect(result.read).toEqual({
          'blobs/sha256/0002': '{"wanted":true}',
          'blobs/sha256/0003': '',
        });
        expect(result.done, `pieces of ${size}`).toBe(true);
        expect(result.seen).toContain('index.json');
        if (format !== 'ustar') expect(result.seen).toContain(LONG);
      }
    },
  );

  it('stops where the caller has what it needs, without reading on', () => {
    const data = archive('pax');
    const result = walk(data, 4096, (name) => name === 'blobs/sha256/0002', 'blobs/sha256/0002');
    expect(result.read).toEqual({ 'blobs/sha256/0002': '{"wanted":true}' });
    expect(result.seen.at(-1)).toBe('blobs/sha256/0002');
    // The 3 MiB blob before it was passed, the entries after it never reached.
    expect(result.fed).toBeLessThan(data.length - 1024);
    expect(result.seen).not.toContain('index.json');
  });

  it('refuses to read an entry over its limit, and a stream that is not tar', () => {
    const data = archive('pax');
    expect(() => walk(data, 65536, (name) => name === 'blobs/sha256/0001')).toThrow(
      /blobs\/sha256\/0001 is 3145735 bytes, over the 1048576-byte limit/,
    );
    expect(() => walk(Buffer.alloc(1024, 'n'), 1024, () => true)).toThrow(TarError);
  });
});
