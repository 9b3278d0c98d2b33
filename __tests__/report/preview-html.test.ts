import { Marked, type Token, type Tokens } from 'marked';
import { describe, expect, it } from 'vitest';
import { effectivePolicy } from '../../src/policy/effective.js';
import type { Evaluation, Finding } from '../../src/policy/types.js';
import { buildReport } from '../../src/report/build.js';
import { commentMarker, renderComment, renderSummary } from '../../src/report/comment.js';
import { runtimeFactRows } from '../../src/report/runtime-facts.js';
import type { Report } from '../../src/report/types.js';
import { GROUP, PASSWD, makeFacts, probeOutput } from '../helpers/facts.js';

// What GitHub would show: the comment and the summary rendered to HTML by a
// GFM renderer with no sanitizer at all, so the markdown alone must be inert.
// (`npm run preview` renders the same to pages and screenshots them.)

const REPO = 'https://github.com/octo-org/octo-app';
const SHA = '0123456789abcdef0123456789abcdef01234567';
const RUN = `${REPO}/actions/runs/42`;
const lineUrl = (file: string, line: number) =>
  `${REPO}/blob/${SHA}/${file.split('/').map(encodeURIComponent).join('/')}#L${line}`;

const PATH = 'x<!-- nonroot-guard:comment y -->';
const HOSTILE = [
  '@admin',
  PATH,
  '](javascript:alert(1))',
  '[click](https://evil.example/x)',
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  'a | b\nc | d\n\n| e |',
  'www.evil.example',
  'https://evil.example',
  '```\n<!-- -->',
].join(' ');

function finding(rule: string, message: string, line: number, fix: Finding['fix']): Finding {
  return {
    rule,
    name: 'hostile',
    severity: 'error',
    message,
    location: { file: `${PATH}/Dockerfile`, line },
    fix,
  };
}

/** A real report for the user `@admin`, with every untrusted field carrying hostile text. */
function hostileReport(): Report {
  const facts = makeFacts({
    user: '@admin',
    passwd: `${PASSWD}\n@admin:x:1654:1654::/home/@admin:/bin/sh`,
    group: GROUP,
    dockerfile: 'FROM base\nUSER @admin\nCMD ["/app/run"]\n',
    runtime: probeOutput({
      writableDirs: { items: [PATH, 'a | b\nc', '@admin'], count: 3, truncated: false },
      setid: {
        items: [{ path: HOSTILE, mode: 0o4755, uid: 0, gid: 0 }],
        count: 1,
        truncated: false,
      },
    }),
  });
  const findings = [
    finding('NR001', `user ${HOSTILE} in \`USER ${HOSTILE}\``, 2, {
      summary: `Use \`USER 1654\` instead of ${HOSTILE}`,
      diff: `--- a/Dockerfile\n+++ b/Dockerfile\n@@ -2 +2 @@\n-USER ${HOSTILE}\n+USER 1654\n`,
    }),
    finding('NR002', HOSTILE, 3, { summary: HOSTILE, diff: null }),
  ];
  const evaluation: Evaluation = {
    verdict: 'fail',
    blocked: HOSTILE,
    findings,
    ignored: [],
    skipped: [{ rule: 'NR050', reason: HOSTILE }],
    counts: { error: findings.length, warning: 0, notice: 0 },
  };
  const policy = effectivePolicy(
    null,
    { preset: 'baseline', failOn: 'error', probe: 'required' },
    '2026-11-22',
  );
  const report = buildReport(facts, evaluation, policy, '0.1.0', [HOSTILE]);
  report.image = { ...report.image, ref: `example/app:pr-1 ${HOSTILE}`, platform: HOSTILE };
  report.dockerfile = {
    ...report.dockerfile!,
    path: `${PATH}/Dockerfile`,
    finalStage: { name: null, line: 1, base: HOSTILE },
  };
  return report;
}

const report = hostileReport();
const marker = commentMarker('example/app:pr-1');
const comment = renderComment(report, { marker, runUrl: RUN, sha: SHA, lineUrl });
const summary = renderSummary(report);

// GitHub breaks lines at every newline in a comment, not in a job summary.
const pages = [
  { kind: 'comment', markdown: comment, marked: new Marked({ gfm: true, breaks: true }) },
  { kind: 'summary', markdown: summary, marked: new Marked({ gfm: true, breaks: false }) },
];

function decode(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return text.replace(/&(?:#(\d+)|#x([0-9a-f]+)|(\w+));/gi, (whole, dec, hex, name) =>
    dec || hex
      ? String.fromCodePoint(Number.parseInt(dec ?? hex, dec ? 10 : 16))
      : (named[name.toLowerCase()] ?? whole),
  );
}

/**
 * The text a reader sees outside code and links, entities decoded: where
 * GitHub looks for @mentions and bare URLs after rendering.
 */
function linkableText(html: string): string {
  const withoutLiterals = html
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(pre|code|a)\b[^>]*>[\s\S]*?<\/\1>/gi, ' ');
  return decode(withoutLiterals.replace(/<[^>]*>/g, ' '));
}

/** Cells of one raw table row, split on the pipes that are not escaped. */
function cells(row: string): number {
  return row
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '')
    .split(/(?<!\\)\|/).length;
}

function tables(tokens: Token[]): Tokens.Table[] {
  return tokens.flatMap((token): Tokens.Table[] => {
    if (token.type === 'table') return [token as Tokens.Table];
    const children = 'tokens' in token && Array.isArray(token.tokens) ? token.tokens : [];
    return tables(children);
  });
}

describe.each(pages)('the $kind as GitHub renders it, with hostile values', (page) => {
  const html = page.marked.parse(page.markdown, { async: false });

  it('holds every hostile value (else this test proves nothing)', () => {
    expect(page.markdown).toContain('&#64;\u2060admin');
    expect(page.markdown).toContain('onerror');
    expect(page.markdown).toContain('evil');
  });

  it('has no image', () => {
    expect(html).not.toMatch(/<img/i);
  });

  it('has no script', () => {
    expect(html).not.toMatch(/<script/i);
  });

  it('has no element with an event handler such as onerror=', () => {
    const tags = html.match(/<[a-z][^>]*>/gi) ?? [];
    expect(tags.filter((tag) => /\son[a-z]+\s*=/i.test(tag))).toEqual([]);
  });

  it('links only to our own lines and run on github.com', () => {
    const ours = new Set([
      RUN,
      ...report.findings.map((hit) => lineUrl(hit.location!.file, hit.location!.line)),
      lineUrl(report.dockerfile!.path, report.dockerfile!.finalStage.line),
    ]);
    const anchors = html.match(/<a\b[^>]*>/gi) ?? [];
    const foreign = anchors.filter((anchor) => {
      const href = /\shref="([^"]*)"/.exec(anchor)?.[1];
      return href === undefined || !ours.has(decode(href));
    });
    expect(foreign).toEqual([]);
  });

  it('keeps every table row at its column count, and every row in its table', () => {
    const found = tables(page.marked.lexer(page.markdown));
    for (const table of found) {
      const lines = table.raw.trim().split('\n');
      expect(lines.map(cells)).toEqual(lines.map(() => table.header.length));
      expect(table.rows.length).toBe(lines.length - 2);
    }
    const rowCounts = found.map((table) => table.rows.length);
    expect(rowCounts).toContain(report.findings.length);
    expect(rowCounts).toContain(runtimeFactRows(report.runtime!).length);
  });

  it('makes no @mention and no bare link out of untrusted text', () => {
    const text = linkableText(html);
    expect(text).toContain('@\u2060admin');
    expect(text).not.toMatch(/@(?!\u2060)[a-z0-9]/i);
    expect(text).not.toMatch(/https?:\/\/|www\./i);
  });

  it(
    page.kind === 'comment'
      ? 'has the marker exactly once, as its first line'
      : 'has no marker and no HTML comment',
    () => {
      // A diff quotes hostile lines raw (`<!--` too): inside a fence that is text, so only
      // the rendered HTML shows whether anything became a comment.
      const comments = html.match(/<!--/g) ?? [];
      const markers = page.markdown.split(marker).length - 1;
      if (page.kind === 'comment') {
        expect(page.markdown.split('\n')[0]).toBe(marker);
        expect(markers).toBe(1);
        expect(comments).toHaveLength(1);
        expect(html.startsWith(marker)).toBe(true);
      } else {
        expect(markers).toBe(0);
        expect(comments).toHaveLength(0);
      }
    },
  );
});
