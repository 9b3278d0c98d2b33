import { describe, expect, it } from 'vitest';
import type { AccountFiles } from '../../src/facts/image.js';
import { withPrinted } from '../../src/source/docker/probe-container.js';
import { probeOutput } from '../helpers/facts.js';

/**
 * Where the probe's print of an account file stands in for the engine's read of it: only
 * when it is that file (the probe's status ok: a regular file on no mount) and has the
 * engine's size. Anything else stays for the engine to read.
 */

const PASSWD = 'root:x:0:0:root:/root:/bin/sh\napp:x:1654:1654::/home/app:/bin/sh\n';
const GROUP = 'root:x:0:\napp:x:1654:\n';

const files: AccountFiles = { passwd: null, group: null, notes: [], unsafe: [] };
const unread = [
  { path: '/etc/passwd', key: 'passwd', size: Buffer.byteLength(PASSWD) },
  { path: '/etc/group', key: 'group', size: Buffer.byteLength(GROUP) },
] as const;

describe("the probe's print of the account files", () => {
  it('is taken for each file the engine found regular, of the same size', () => {
    const printed = withPrinted({ files, unread: [...unread] }, probeOutput(), {
      passwd: PASSWD,
      group: GROUP,
    });
    expect(printed).toEqual({ files: { ...files, passwd: PASSWD, group: GROUP }, unread: [] });
  });

  it('is not taken when its size is not the engine’s (other bytes, or a multi-byte character replaced)', () => {
    const printed = withPrinted({ files, unread: [...unread] }, probeOutput(), {
      passwd: `${PASSWD}x`,
      group: GROUP.replace('app', 'ap\u00e9'),
    });
    expect(printed).toEqual({ files, unread: [...unread] });
  });

  it('is not taken when the probe did not read it as a regular file on no mount', () => {
    const output = probeOutput();
    const identity = { ...output.identity, passwd: 'mounted' as const, group: 'escapes' as const };
    const printed = withPrinted(
      { files, unread: [...unread] },
      { ...output, identity },
      { passwd: PASSWD, group: GROUP },
    );
    expect(printed.unread).toEqual([...unread]);
  });

  it('is not taken when it was not printed (over 256 KiB, or no print at all)', () => {
    expect(withPrinted({ files, unread: [...unread] }, probeOutput(), null).unread).toHaveLength(2);
    const printed = withPrinted({ files, unread: [...unread] }, probeOutput(), {
      passwd: null,
      group: GROUP,
    });
    expect(printed).toEqual({ files: { ...files, group: GROUP }, unread: [unread[0]] });
  });

  it('leaves the files the engine read, and what it noted, as they are', () => {
    const read: AccountFiles = {
      passwd: PASSWD,
      group: null,
      notes: ['/etc/group: none'],
      unsafe: [],
    };
    expect(
      withPrinted({ files: read, unread: [] }, probeOutput(), { passwd: 'other', group: null }),
    ).toEqual({
      files: read,
      unread: [],
    });
  });
});
