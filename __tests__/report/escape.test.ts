import { describe, expect, it } from 'vitest';
import { shellWord } from '../../src/policy/rules/common.js';
import { markdownCode, markdownProse, markdownText } from '../../src/report/escape.js';
import { fenced } from '../../src/report/markdown.js';
import { uriReference } from '../../src/report/sarif.js';
import { safe } from '../../src/report/text.js';

describe('text for a terminal', () => {
  it.each([
    ['plain /usr/bin/x', 'plain /usr/bin/x'],
    ['new\nline', 'new\\nline'],
    ['tab\there\r', 'tab\\there\\r'],
    ['\u001b[31mred\u001b[0m', '\\x1b[31mred\\x1b[0m'],
    ['\u0000nul\u007f', '\\x00nul\\x7f'],
    ['evil\u202etxt.exe', 'evil\\u{202e}txt.exe'],
    ['ünïcödé ✓', 'ünïcödé ✓'],
  ])('%j → %j', (input, output) => {
    expect(safe(input)).toBe(output);
  });
});

describe('markdown for the job summary', () => {
  it.each([
    ['<!-- marker -->', '&#60;&#33;&#45;&#45; marker &#45;&#45;&#62;'],
    // GitHub finds mentions and links after entities are decoded: a word joiner breaks them.
    ['@someone', '&#64;\u2060someone'],
    ['#12 www.evil.example', '&#35;\u206012 www\u2060&#46;evil&#46;example'],
    ['](javascript:alert(1))', '&#93;&#40;javascript&#58;alert&#40;1&#41;&#41;'],
    ['a | b', 'a &#124; b'],
    ['back`tick', 'back&#96;tick'],
    ['line\nbreak', 'line break'],
    ['https://evil.example', 'https&#58;\u2060//evil&#46;example'],
  ])('%j → %j', (input, output) => {
    expect(markdownText(input)).toBe(output);
  });

  it('puts untrusted code in <code>, where a backtick cannot end it', () => {
    expect(markdownCode('x` <b>y</b>')).toBe('<code>x&#96; &#60;b&#62;y&#60;/b&#62;</code>');
  });

  it('keeps code exact for copying: GitHub makes no mentions inside code', () => {
    expect(markdownCode('app@sha256:ab')).toBe('<code>app&#64;sha256&#58;ab</code>');
  });

  it('leaves a sentence plain when a quoted value holds a backtick (pairs would mismatch)', () => {
    expect(markdownProse('user `a`b` is missing')).toBe('user &#96;a&#96;b&#96; is missing');
  });

  it('shows our own backtick quotes as code, with what is inside still escaped', () => {
    expect(markdownProse('Add `USER 1654` (not `<b>`)')).toBe(
      'Add <code>USER 1654</code> &#40;not <code>&#60;b&#62;</code>&#41;',
    );
  });
});

describe('paths in suggested commands', () => {
  it.each([
    ['/usr/bin/x', '/usr/bin/x'],
    ['/opt/my app/run', "'/opt/my app/run'"],
    ["/it's", "'/it'\\''s'"],
    ['/back`tick', "'/back`tick'"],
    ['/$(reboot)', "'/$(reboot)'"],
    ['/new\nline', null],
    ['/esc\u001b', null],
  ])('%j → %j', (path, word) => {
    expect(shellWord(path)).toBe(word);
  });
});

describe('code blocks of untrusted text', () => {
  it('fence with more backticks than the content has in a row', () => {
    expect(fenced('RUN echo ```\n', 'diff')).toEqual(['````diff', 'RUN echo ```', '````']);
    expect(fenced('plain', 'diff')).toEqual(['```diff', 'plain', '```']);
  });
});

describe('characters that spoof how text reads', () => {
  // U+202E reverses what follows, U+2066–2069 isolate, U+2028/2029 break lines, U+200B and
  // U+FEFF hide, U+061C is the Arabic letter mark: none may reach a reader as it is.
  const spoofing = [
    '\u202e',
    '\u2066',
    '\u2067',
    '\u2068',
    '\u2069',
    '\u2028',
    '\u2029',
    '\u200b',
    '\ufeff',
    '\u061c',
    '\u200e',
  ];

  it.each(spoofing)('shows U+%s in the comment as a visible code point', (char) => {
    const code = char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    const value = `/app/${char}txt.exe`;
    for (const rendered of [
      markdownText(value),
      markdownCode(value),
      markdownProse(`\`${value}\``),
    ]) {
      expect(rendered).not.toContain(char);
      expect(rendered).toContain(`&#60;U&#43;${code}&#62;`);
    }
  });

  it.each(spoofing)('escapes U+%s on the terminal', (char) => {
    expect(safe(`a${char}b`)).toBe(`a\\u{${char.codePointAt(0)!.toString(16)}}b`);
  });

  it('leaves the word joiner it adds itself after the escaping', () => {
    expect(markdownText('@\u2060x')).toBe('&#64;\u2060&#60;U&#43;2060&#62;x');
  });

  it('makes every SARIF location a URI reference', () => {
    expect(uriReference('dir with space/Docker#file?.v%1')).toBe(
      'dir%20with%20space/Docker%23file%3F.v%251',
    );
    expect(uriReference('apps/api/Dockerfile')).toBe('apps/api/Dockerfile');
    expect(() => new URL(uriReference('a b/#c'), 'file:///repo/')).not.toThrow();
    expect(new URL(uriReference('a b/#c'), 'file:///repo/').pathname).toBe('/repo/a%20b/%23c');
  });
});

describe('code blocks hold no invisible characters either', () => {
  it('shows U+202E and U+2028 in a fenced diff', () => {
    const block = fenced('-LABEL a="x\u2066y\u2028z"\n+USER 1654\n', 'diff').join('\n');
    expect(block).not.toMatch(/[\u2066\u2028]/);
    expect(block).toContain('-LABEL a="x<U+2066>y<U+2028>z"');
  });
});
