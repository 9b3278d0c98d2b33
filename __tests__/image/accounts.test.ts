import { describe, expect, it } from 'vitest';
import { parseGroup, parsePasswd, runtimeInt } from '../../src/image/accounts.js';

describe('passwd and group parsing, as runc reads them', () => {
  it('reads entries with their 1-based lines, skipping blank lines and trimming CRLF', () => {
    const passwd = 'root:x:0:0:root:/root:/bin/sh\r\n\r\napp:x:1654:1654::/home/app:/bin/sh\r\n';
    expect(parsePasswd(passwd)).toEqual([
      { name: 'root', uid: 0, gid: 0, home: '/root', shell: '/bin/sh', line: 1 },
      { name: 'app', uid: 1654, gid: 1654, home: '/home/app', shell: '/bin/sh', line: 3 },
    ]);
  });

  it('reads a uid field that is not a number as 0, like Go strconv.Atoi errors in runc', () => {
    expect(parsePasswd('evil:x:abc:1::/:/bin/sh')[0]).toMatchObject({ name: 'evil', uid: 0 });
    expect(runtimeInt('99999999999999999999')).toBe(0);
    expect(runtimeInt('007')).toBe(7);
    expect(runtimeInt(undefined)).toBe(0);
  });

  it('tolerates short lines', () => {
    expect(parsePasswd('solo')).toEqual([
      { name: 'solo', uid: 0, gid: 0, home: '', shell: '', line: 1 },
    ]);
  });

  it('reads group members', () => {
    expect(parseGroup('wheel:x:10:alice,bob\napp:x:1654:')).toEqual([
      { name: 'wheel', gid: 10, members: ['alice', 'bob'], line: 1 },
      { name: 'app', gid: 1654, members: [], line: 2 },
    ]);
  });
});
