import { describe, expect, it } from 'vitest';
import { parseGroup, parsePasswd, runtimeInt } from '../../src/facts/accounts.js';

describe('passwd and group parsing, as the runtime reads them', () => {
  it('reads entries with their 1-based lines, skipping blank lines and trimming CRLF', () => {
    const passwd = 'root:x:0:0:root:/root:/bin/sh\r\n\r\napp:x:1654:1654::/home/app:/bin/sh\r\n';
    expect(parsePasswd(passwd)).toEqual([
      {
        name: 'root',
        uid: 0n,
        gid: 0n,
        written: { uid: '0', gid: '0' },
        home: '/root',
        shell: '/bin/sh',
        line: 1,
      },
      {
        name: 'app',
        uid: 1654n,
        gid: 1654n,
        written: { uid: '1654', gid: '1654' },
        home: '/home/app',
        shell: '/bin/sh',
        line: 3,
      },
    ]);
  });

  it('reads a uid field that is not a number as 0 and an overflow as the int64 limit, like Go strconv.Atoi', () => {
    expect(parsePasswd('evil:x:abc:1::/:/bin/sh')[0]).toMatchObject({ name: 'evil', uid: 0n });
    expect(runtimeInt('99999999999999999999')).toBe(9223372036854775807n);
    expect(runtimeInt('-99999999999999999999')).toBe(-9223372036854775808n);
    expect(runtimeInt('9223372036854775807')).toBe(9223372036854775807n);
    expect(runtimeInt('007')).toBe(7n);
    expect(runtimeInt(undefined)).toBe(0n);
  });

  it('tolerates short lines', () => {
    expect(parsePasswd('solo')).toEqual([
      {
        name: 'solo',
        uid: 0n,
        gid: 0n,
        written: { uid: '', gid: '' },
        home: '',
        shell: '',
        line: 1,
      },
    ]);
  });

  it('reads group members, and skips /etc/group lines that start with # (not /etc/passwd ones)', () => {
    expect(parseGroup('wheel:x:10:alice,bob\n  #app:x:5:app\napp:x:1654:')).toEqual([
      { name: 'wheel', gid: 10n, members: ['alice', 'bob'], line: 1 },
      { name: 'app', gid: 1654n, members: [], line: 3 },
    ]);
    expect(parsePasswd('#x:x:5:5::/:/bin/sh')[0]).toMatchObject({ name: '#x', uid: 5n });
  });

  it("trims what Go's bytes.TrimSpace trims: U+0085 is space, U+FEFF is not", () => {
    expect(parsePasswd('\u0085app:x:1:1::/:/bin/sh')[0]!.name).toBe('app');
    expect(parsePasswd('\ufeffapp:x:1:1::/:/bin/sh')[0]!.name).toBe('\ufeffapp');
  });
});
