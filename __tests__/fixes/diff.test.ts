import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyEdits, splitLines, unifiedDiff, type LineEdit } from '../../src/fixes/diff.js';

const run = promisify(execFile);

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'nonroot-guard-diff-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** What `git apply` (outside a repository, as a patch tool) makes of the diff. */
async function gitApply(before: string, diff: string): Promise<string> {
  const dir = await mkdtemp(join(work, 'case-'));
  await writeFile(join(dir, 'Dockerfile'), before);
  await writeFile(join(dir, 'fix.diff'), diff);
  await run('git', ['apply', '--check', 'fix.diff'], { cwd: dir });
  await run('git', ['apply', 'fix.diff'], { cwd: dir });
  return readFile(join(dir, 'Dockerfile'), 'utf8');
}

const FILE = ['FROM base', 'WORKDIR /app', 'COPY . .', 'RUN make', 'EXPOSE 80', 'CMD ["/app/run"]'];
const lf = (lines: string[]) => lines.map((line) => `${line}\n`).join('');

describe('splitLines', () => {
  it('keeps U+2028 and U+2029 inside a line: only LF and CRLF end one', () => {
    expect(splitLines('LABEL a="x\u2028y\u2029z"\nUSER 1\n')).toEqual([
      { text: 'LABEL a="x\u2028y\u2029z"', eol: '\n' },
      { text: 'USER 1', eol: '\n' },
    ]);
  });

  it('keeps each line ending, and the last line without one', () => {
    expect(splitLines('a\r\nb\nc')).toEqual([
      { text: 'a', eol: '\r\n' },
      { text: 'b', eol: '\n' },
      { text: 'c', eol: '' },
    ]);
    expect(splitLines('')).toEqual([]);
    expect(splitLines('\n\n')).toEqual([
      { text: '', eol: '\n' },
      { text: '', eol: '\n' },
    ]);
  });

  it('refuses a lone CR', () => {
    expect(splitLines('a\rb\n')).toBeNull();
  });
});

describe('unifiedDiff', () => {
  it('inserts in the middle with three lines of context on each side', () => {
    const diff = unifiedDiff('Dockerfile', lf(FILE), [
      { start: 6, count: 0, lines: ['USER 1654'] },
    ]);
    expect(diff).toBe(
      [
        '--- a/Dockerfile',
        '+++ b/Dockerfile',
        '@@ -3,4 +3,5 @@',
        ' COPY . .',
        ' RUN make',
        ' EXPOSE 80',
        '+USER 1654',
        ' CMD ["/app/run"]',
        '',
      ].join('\n'),
    );
  });

  it('matches diff -u for a replacement', async () => {
    const before = lf(FILE);
    const edits: LineEdit[] = [{ start: 5, count: 1, lines: ['EXPOSE 8080'] }];
    const after = applyEdits(before, edits);
    await writeFile(join(work, 'old'), before);
    await writeFile(join(work, 'new'), after);
    const gnu = await run('diff', ['-u', 'old', 'new'], { cwd: work }).catch(
      (error: { stdout: string }) => error,
    );
    const body = (text: string) => text.split('\n').slice(2).join('\n');
    expect(body(unifiedDiff('Dockerfile', before, edits)!)).toBe(body(gnu.stdout));
  });

  it.each<[string, string, LineEdit[], string]>([
    [
      'insert at the start',
      lf(FILE),
      [{ start: 1, count: 0, lines: ['# syntax=x'] }],
      '@@ -1,3 +1,4 @@',
    ],
    ['insert at the end', lf(FILE), [{ start: 7, count: 0, lines: ['USER 1'] }], '@@ -4,3 +4,4 @@'],
    [
      'replace the first line',
      lf(FILE),
      [{ start: 1, count: 1, lines: ['FROM other'] }],
      '@@ -1,4 +1,4 @@',
    ],
    [
      'replace the last line',
      lf(FILE),
      [{ start: 6, count: 1, lines: ['CMD x'] }],
      '@@ -3,4 +3,4 @@',
    ],
    ['delete the first line', lf(FILE), [{ start: 1, count: 1, lines: [] }], '@@ -1,4 +1,3 @@'],
    ['delete in the middle', lf(FILE), [{ start: 4, count: 1, lines: [] }], '@@ -1,6 +1,5 @@'],
    ['delete the last line', lf(FILE), [{ start: 6, count: 1, lines: [] }], '@@ -3,4 +3,3 @@'],
    [
      'replace one line with two',
      lf(FILE),
      [{ start: 4, count: 1, lines: ['RUN a', 'RUN b'] }],
      '@@ -1,6 +1,7 @@',
    ],
    ['insert into an empty file', '', [{ start: 1, count: 0, lines: ['FROM x'] }], '@@ -0,0 +1 @@'],
    [
      'insert into a one-line file',
      'FROM x\n',
      [{ start: 2, count: 0, lines: ['USER 1'] }],
      '@@ -1 +1,2 @@',
    ],
    ['delete a whole file', 'FROM x\n', [{ start: 1, count: 1, lines: [] }], '@@ -1 +0,0 @@'],
    [
      'two edits far apart: two hunks',
      lf([...FILE, ...FILE, ...FILE]),
      [
        { start: 2, count: 1, lines: ['WORKDIR /srv'] },
        { start: 17, count: 1, lines: ['EXPOSE 8080'] },
      ],
      '@@ -1,5 +1,5 @@',
    ],
    [
      'two edits close together: one hunk',
      lf([...FILE, ...FILE]),
      [
        { start: 2, count: 1, lines: ['WORKDIR /srv'] },
        { start: 8, count: 1, lines: ['WORKDIR /srv'] },
      ],
      '@@ -1,11 +1,11 @@',
    ],
  ])('%s', async (_name, before, edits, header) => {
    const diff = unifiedDiff('Dockerfile', before, edits)!;
    expect(diff.split('\n')[2]).toBe(header);
    expect(await gitApply(before, diff)).toBe(applyEdits(before, edits));
  });

  it('writes two hunks with their own headers', () => {
    const diff = unifiedDiff('Dockerfile', lf([...FILE, ...FILE, ...FILE]), [
      { start: 2, count: 1, lines: ['WORKDIR /srv'] },
      { start: 17, count: 1, lines: ['EXPOSE 8080'] },
    ])!;
    expect(diff.split('\n').filter((line) => line.startsWith('@@'))).toEqual([
      '@@ -1,5 +1,5 @@',
      '@@ -14,5 +14,5 @@',
    ]);
  });

  describe('a file without a final newline', () => {
    const before = 'FROM base\nCOPY . .\nCMD x';

    it('inserting after the last line gives it a newline and leaves the new last line without', async () => {
      const edits = [{ start: 4, count: 0, lines: ['USER 1'] }];
      const diff = unifiedDiff('Dockerfile', before, edits)!;
      expect(diff).toBe(
        [
          '--- a/Dockerfile',
          '+++ b/Dockerfile',
          '@@ -1,3 +1,4 @@',
          ' FROM base',
          ' COPY . .',
          '-CMD x',
          '\\ No newline at end of file',
          '+CMD x',
          '+USER 1',
          '\\ No newline at end of file',
          '',
        ].join('\n'),
      );
      expect(applyEdits(before, edits)).toBe('FROM base\nCOPY . .\nCMD x\nUSER 1');
      expect(await gitApply(before, diff)).toBe('FROM base\nCOPY . .\nCMD x\nUSER 1');
    });

    it('inserting before the last line keeps it as context, marked', async () => {
      const edits = [{ start: 3, count: 0, lines: ['USER 1'] }];
      const diff = unifiedDiff('Dockerfile', before, edits)!;
      expect(diff.split('\n').slice(-4)).toEqual([
        '+USER 1',
        ' CMD x',
        '\\ No newline at end of file',
        '',
      ]);
      expect(await gitApply(before, diff)).toBe('FROM base\nCOPY . .\nUSER 1\nCMD x');
    });

    it('replacing the last line keeps the file ending without a newline', async () => {
      const edits = [{ start: 3, count: 1, lines: ['CMD y'] }];
      const diff = unifiedDiff('Dockerfile', before, edits)!;
      expect(diff.split('\n').slice(-5)).toEqual([
        '-CMD x',
        '\\ No newline at end of file',
        '+CMD y',
        '\\ No newline at end of file',
        '',
      ]);
      expect(await gitApply(before, diff)).toBe('FROM base\nCOPY . .\nCMD y');
    });

    it('deleting the last line', async () => {
      const edits = [{ start: 3, count: 1, lines: [] }];
      const diff = unifiedDiff('Dockerfile', before, edits)!;
      expect(await gitApply(before, diff)).toBe('FROM base\nCOPY . .\n');
    });

    it('an edit far from the end does not touch it', async () => {
      const long = `${lf(FILE)}${FILE.join('\n')}`;
      const edits = [{ start: 2, count: 1, lines: ['WORKDIR /srv'] }];
      const diff = unifiedDiff('Dockerfile', long, edits)!;
      expect(diff).not.toContain('No newline');
      expect(await gitApply(long, diff)).toBe(long.replace('WORKDIR /app', 'WORKDIR /srv'));
    });
  });

  describe('CRLF files', () => {
    const before = FILE.map((line) => `${line}\r\n`).join('');

    it('keeps CR in the lines and gives new lines CRLF', async () => {
      const edits = [{ start: 6, count: 0, lines: ['USER 1654'] }];
      const diff = unifiedDiff('Dockerfile', before, edits)!;
      expect(diff).toContain('\n+USER 1654\r\n CMD ["/app/run"]\r\n');
      const after = await gitApply(before, diff);
      expect(after).toBe(before.replace('CMD', 'USER 1654\r\nCMD'));
    });

    it('replaces and deletes', async () => {
      const edits = [
        { start: 4, count: 1, lines: [] },
        { start: 5, count: 1, lines: ['EXPOSE 8080'] },
      ];
      const after = await gitApply(before, unifiedDiff('Dockerfile', before, edits)!);
      expect(after).toBe(before.replace('RUN make\r\n', '').replace('EXPOSE 80', 'EXPOSE 8080'));
    });

    it('without a final newline', async () => {
      const text = 'FROM base\r\nCMD x';
      const after = await gitApply(
        text,
        unifiedDiff('Dockerfile', text, [{ start: 3, count: 0, lines: ['USER 1'] }])!,
      );
      expect(after).toBe('FROM base\r\nCMD x\r\nUSER 1');
    });
  });

  it('names the file as given, under a/ and b/', () => {
    const diff = unifiedDiff('services/api/Dockerfile', 'FROM x\n', [
      { start: 2, count: 0, lines: ['USER 1'] },
    ]);
    expect(diff!.split('\n').slice(0, 2)).toEqual([
      '--- a/services/api/Dockerfile',
      '+++ b/services/api/Dockerfile',
    ]);
  });

  it('gives null for no change, overlapping or out-of-range edits, and line breaks in a line', () => {
    expect(unifiedDiff('Dockerfile', lf(FILE), [])).toBeNull();
    expect(
      unifiedDiff('Dockerfile', lf(FILE), [{ start: 2, count: 1, lines: ['WORKDIR /app'] }]),
    ).toBeNull();
    expect(
      unifiedDiff('Dockerfile', lf(FILE), [
        { start: 2, count: 2, lines: [] },
        { start: 3, count: 1, lines: [] },
      ]),
    ).toBeNull();
    expect(unifiedDiff('Dockerfile', lf(FILE), [{ start: 8, count: 0, lines: ['x'] }])).toBeNull();
    expect(unifiedDiff('Dockerfile', lf(FILE), [{ start: 6, count: 2, lines: [] }])).toBeNull();
    expect(
      unifiedDiff('Dockerfile', lf(FILE), [{ start: 1, count: 0, lines: ['a\nb'] }]),
    ).toBeNull();
    expect(unifiedDiff('Dockerfile', 'a\rb', [{ start: 1, count: 0, lines: ['x'] }])).toBeNull();
    expect(() => applyEdits('a\n', [{ start: 3, count: 0, lines: [] }])).toThrow();
  });
});
