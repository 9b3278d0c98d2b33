import { describe, expect, it } from 'vitest';
import { CheckError } from '../../src/shared/errors.js';
import { DEFAULT_POLICY } from '../../src/policy/config.js';
import { parsePolicy } from '../../src/policy/parse.js';
import { effectivePolicy } from '../../src/policy/effective.js';

const FILE = '.github/nonroot-guard.yml';

function error(text: string): { message: string; hint?: string } {
  try {
    parsePolicy(text, FILE);
  } catch (caught) {
    if (caught instanceof CheckError) return { message: caught.message, hint: caught.hint };
    throw caught;
  }
  throw new Error('expected the policy to be rejected');
}

describe('a bad policy file is an input error naming file, line, column and what was expected', () => {
  it.each([
    [
      'a syntax error',
      'preset: [baseline\n',
      /^\.github\/nonroot-guard\.yml:2:1: YAML syntax error: /,
    ],
    [
      'a wrong type',
      'preset: baseline\nallow-writable: /data\n',
      '.github/nonroot-guard.yml:2:17: allow-writable: Invalid input: expected array, received string',
    ],
    [
      'an unknown preset',
      'preset: strict\n',
      '.github/nonroot-guard.yml:1:9: preset: Invalid option: expected one of "baseline"|"restricted"|"hardened"',
    ],
    [
      'an unknown rule id',
      'rules:\n  NR099: off\n',
      '.github/nonroot-guard.yml:2:3: unknown rule "NR099"',
    ],
    [
      'a misspelt rule name',
      'rules:\n  user-not-numberic: off\n',
      '.github/nonroot-guard.yml:2:3: unknown rule "user-not-numberic" (did you mean "user-not-numeric"?)',
    ],
    [
      'an unknown key',
      'preset: baseline\nallow-writeable: [/data]\n',
      '.github/nonroot-guard.yml:2:1: unknown key "allow-writeable" (did you mean "allow-writable"?)',
    ],
    [
      'an unknown key under ports',
      'ports:\n  allowed: [80]\n',
      '.github/nonroot-guard.yml:2:3: unknown key under ports "allowed" (did you mean "allow"?)',
    ],
    [
      'a bad severity',
      'rules:\n  NR003: fatal\n',
      '.github/nonroot-guard.yml:2:10: rules.NR003: Invalid option: expected one of "off"|"error"|"warning"|"notice"',
    ],
    [
      'a missing reason',
      'ignore:\n  - rule: NR022\n',
      '.github/nonroot-guard.yml:2:5: ignore.0.reason: Invalid input: expected string, received undefined',
    ],
    [
      'an empty reason',
      'ignore:\n  - rule: NR022\n    reason: "  "\n',
      '.github/nonroot-guard.yml:3:13: ignore.0.reason: say why this finding is accepted',
    ],
    [
      'an ignore of an unknown rule',
      'ignore:\n  - rule: NR22\n    reason: x\n',
      '.github/nonroot-guard.yml:2:11: unknown rule "NR22" (did you mean "NR022"?)',
    ],
    [
      'a bad expiry date',
      'ignore:\n  - rule: NR022\n    reason: x\n    expires: next year\n',
      '.github/nonroot-guard.yml:4:14: ignore.0.expires: Invalid ISO date',
    ],
    [
      'a relative allow path',
      'allow-setid: [usr/bin/x]\n',
      '.github/nonroot-guard.yml:1:15: allow-setid.0: expected an absolute path (starting with /)',
    ],
    [
      'a port out of range',
      'ports:\n  allow: [80, 70000]\n',
      '.github/nonroot-guard.yml:2:15: ports.allow.1: Too big: expected number to be <=65535',
    ],
    [
      'a list instead of a mapping',
      '- preset\n',
      '.github/nonroot-guard.yml:1:1: expected a mapping of policy keys (preset, rules, …)',
    ],
    [
      'a duplicate key',
      'preset: baseline\npreset: hardened\n',
      /^\.github\/nonroot-guard\.yml:2:1: YAML syntax error: Map keys must be unique/,
    ],
    [
      'binary content',
      '\u0000\u0001\u0002ELF',
      '.github/nonroot-guard.yml: the policy file is not UTF-8 text',
    ],
    [
      // Found by the property tests: the parser reports it only when the document is read.
      'an alias without its anchor',
      'preset: *base\n',
      /^\.github\/nonroot-guard\.yml: YAML error: Unresolved alias \(the anchor must be set before the alias\): base$/,
    ],
    [
      'aliases that expand too far',
      'a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n',
      /^\.github\/nonroot-guard\.yml: YAML error: Excessive alias count indicates a resource exhaustion attack$/,
    ],
    [
      'a huge file',
      `# ${'x'.repeat(1024 * 1024)}\n`,
      '.github/nonroot-guard.yml: the policy file is over 1048576 bytes',
    ],
  ])('%s', (_, text, message) => {
    const rejected = error(text);
    if (typeof message === 'string') expect(rejected.message).toBe(message);
    else expect(rejected.message).toMatch(message);
    expect(rejected.hint).toBeTruthy();
  });
});

describe('a good policy file', () => {
  const loaded = parsePolicy(
    [
      'rules:',
      '  user-not-numeric: off',
      '  NR040: error',
      'allow-writable: [/data, /srv/*/cache]',
      'allow-setid: [/usr/bin/passwd]',
      'ports:',
      '  allow: [80]',
      '  variables: [HTTP_PORT]',
      'ignore:',
      '  - rule: writable-outside-allowlist',
      '    path: services/legacy/**',
      '    reason: the legacy service writes its cache in /var/cache',
      '    expires: 2027-01-31',
      '  - rule: NR031',
      '    reason: until the base image drops su',
      '    expires: 2026-11-01',
    ].join('\n'),
    FILE,
  );

  it('fills every default from the one schema', () => {
    expect(DEFAULT_POLICY).toEqual({
      preset: 'baseline',
      rules: {},
      'allow-writable': [],
      'allow-setid': [],
      'allow-incomplete-walk': [],
      ports: { allow: [], variables: [] },
      ignore: [],
    });
    expect(loaded.presetGiven).toBe(false);
  });

  it('combines with the inputs predictably: input preset > file preset > baseline; file levels on top', () => {
    const policy = effectivePolicy(loaded, { failOn: 'error', probe: 'required' }, '2026-11-22');
    expect(policy).toMatchObject({ preset: 'baseline', presetSource: 'default', file: FILE });
    expect(policy.levels['NR003']).toBe('off');
    expect(policy.levels['NR040']).toBe('error');
    expect(policy.overrides).toEqual([
      { rule: 'NR003', name: 'user-not-numeric', preset: 'warning', level: 'off' },
      { rule: 'NR040', name: 'shell-present', preset: 'off', level: 'error' },
    ]);
    const given = effectivePolicy(
      loaded,
      { preset: 'hardened', failOn: 'error', probe: 'required' },
      '2026-11-22',
    );
    expect(given).toMatchObject({ preset: 'hardened', presetSource: 'input' });
    expect(given.levels['NR003']).toBe('off');
    const fromFile = effectivePolicy(
      parsePolicy('preset: restricted\n', FILE),
      { failOn: 'error', probe: 'required' },
      '2026-11-22',
    );
    expect(fromFile).toMatchObject({ preset: 'restricted', presetSource: 'file' });
  });

  it('normalises ignores to rule ids and marks the expired ones', () => {
    const policy = effectivePolicy(loaded, { failOn: 'error', probe: 'required' }, '2026-11-22');
    expect(policy.ignores).toEqual([
      {
        rule: 'NR022',
        path: 'services/legacy/**',
        reason: 'the legacy service writes its cache in /var/cache',
        expires: '2027-01-31',
        expired: false,
      },
      {
        rule: 'NR031',
        path: null,
        reason: 'until the base image drops su',
        expires: '2026-11-01',
        expired: true,
      },
    ]);
    expect(policy.allow).toEqual({
      writable: ['/data', '/srv/*/cache'],
      setid: ['/usr/bin/passwd'],
      ports: [80],
      incompleteWalk: [],
    });
    expect(policy.portVariables).toEqual(['HTTP_PORT']);
  });
});
