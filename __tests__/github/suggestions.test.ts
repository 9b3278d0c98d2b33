import { describe, expect, it } from 'vitest';
import { commentableLines, fitsDiff, suggestionsFromDiff } from '../../src/github/suggestions.js';
import { unifiedDiff } from '../../src/fixes/diff.js';

const DOCKERFILE =
  [
    'FROM base',
    'WORKDIR /app',
    'COPY --chown=app app /app',
    'RUN make',
    'EXPOSE 80',
    'ENTRYPOINT ["/app/run"]',
  ].join('\n') + '\n';

describe('suggestions from a fix diff', () => {
  it('an inserted line takes the line before it, repeated', () => {
    const diff = unifiedDiff('Dockerfile', DOCKERFILE, [
      { start: 6, count: 0, lines: ['USER 1654'] },
    ])!;
    expect(suggestionsFromDiff(diff)).toEqual([
      { path: 'Dockerfile', startLine: 5, line: 5, replacement: ['EXPOSE 80', 'USER 1654'] },
    ]);
  });

  it('an insertion at the top of the file takes the line after it', () => {
    const diff = unifiedDiff('Dockerfile', DOCKERFILE, [
      { start: 1, count: 0, lines: ['# syntax=docker/dockerfile:1'] },
    ])!;
    expect(suggestionsFromDiff(diff)).toEqual([
      {
        path: 'Dockerfile',
        startLine: 1,
        line: 1,
        replacement: ['# syntax=docker/dockerfile:1', 'FROM base'],
      },
    ]);
  });

  it('a replaced line is replaced; two separate changes are two suggestions', () => {
    const diff = unifiedDiff('svc/Dockerfile', DOCKERFILE, [
      { start: 3, count: 1, lines: ['COPY app /app'] },
      { start: 5, count: 1, lines: ['EXPOSE 8080'] },
    ])!;
    expect(suggestionsFromDiff(diff)).toEqual([
      { path: 'svc/Dockerfile', startLine: 3, line: 3, replacement: ['COPY app /app'] },
      { path: 'svc/Dockerfile', startLine: 5, line: 5, replacement: ['EXPOSE 8080'] },
    ]);
  });

  it('a deletion of two lines is a suggestion of nothing over both', () => {
    const diff = unifiedDiff('Dockerfile', DOCKERFILE, [{ start: 3, count: 2, lines: [] }])!;
    expect(suggestionsFromDiff(diff)).toEqual([
      { path: 'Dockerfile', startLine: 3, line: 4, replacement: [] },
    ]);
  });

  it('keeps CRLF files as text without the CR, and ignores "No newline at end of file"', () => {
    const crlf = 'FROM base\r\nCMD ["x"]';
    const diff = unifiedDiff('Dockerfile', crlf, [{ start: 2, count: 0, lines: ['USER 1654'] }])!;
    expect(diff).toContain('\\ No newline at end of file');
    expect(suggestionsFromDiff(diff)).toEqual([
      { path: 'Dockerfile', startLine: 1, line: 1, replacement: ['FROM base', 'USER 1654'] },
    ]);
  });

  it('refuses what is not our unified diff', () => {
    expect(suggestionsFromDiff('not a diff')).toBeNull();
    expect(suggestionsFromDiff('--- a/x\n+++ /dev/null\n@@ -1 +0,0 @@\n-x\n')).toBeNull();
  });
});

describe('the lines of a PR diff a review comment may sit on', () => {
  const patch = [
    '@@ -1,4 +1,5 @@',
    ' FROM base',
    '-WORKDIR /srv',
    '+WORKDIR /app',
    '+COPY app /app',
    ' RUN make',
    ' EXPOSE 80',
    '@@ -20,2 +21,3 @@ ENV A=1',
    ' ENV B=2',
    '+ENV C=3',
    ' CMD ["x"]',
    '\\ No newline at end of file',
  ].join('\n');

  it('are the context and added lines of the new side', () => {
    expect([...commentableLines(patch)]).toEqual([1, 2, 3, 4, 5, 21, 22, 23]);
  });

  it('a suggestion fits only when every line it replaces is among them', () => {
    const lines = commentableLines(patch);
    expect(fitsDiff({ path: 'Dockerfile', startLine: 4, line: 5, replacement: [] }, lines)).toBe(
      true,
    );
    expect(fitsDiff({ path: 'Dockerfile', startLine: 5, line: 6, replacement: [] }, lines)).toBe(
      false,
    );
    expect(
      fitsDiff({ path: 'Dockerfile', startLine: 1, line: 1, replacement: [] }, undefined),
    ).toBe(false);
  });

  it('a file without a patch (binary, too large) has none', () => {
    expect(commentableLines('').size).toBe(0);
  });
});
