import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../src/policy/parse.js';
import { effectivePolicy } from '../../src/policy/effective.js';
import { evaluate } from '../../src/policy/evaluate.js';
import { makeFacts, probeOutput } from '../helpers/facts.js';

const DOCKERFILE = 'FROM base\nRUN mkdir /data && chmod 777 /data\nUSER app\nCMD ["/app/run"]\n';

function run(policyText: string, options: { today?: string; preset?: 'hardened' } = {}) {
  const loaded = parsePolicy(policyText, 'policy.yml');
  const policy = effectivePolicy(
    loaded,
    { preset: options.preset, failOn: 'error', probe: 'required' },
    options.today ?? '2026-11-22',
  );
  const facts = makeFacts({
    user: 'app',
    dockerfile: DOCKERFILE,
    runtime: probeOutput({
      writableDirs: { items: ['/data', '/srv/cache', '/tmp'], count: 3, truncated: false },
      setid: {
        items: [{ path: '/usr/bin/passwd', mode: 0o4755, uid: 0, gid: 0 }],
        count: 1,
        truncated: false,
      },
    }),
  });
  return evaluate(facts, policy);
}

describe('the policy applied after the rules ran', () => {
  it('changes levels, and the verdict follows only from them', () => {
    const strict = run('preset: restricted\n');
    expect(strict.verdict).toBe('fail');
    expect(strict.findings.map((f) => `${f.rule}:${f.severity}`)).toEqual([
      'NR003:error',
      'NR030:error',
      'NR022:warning',
    ]);
    const relaxed = run('preset: restricted\nrules:\n  NR003: warning\n  setid-files: notice\n');
    expect(relaxed.verdict).toBe('pass');
    expect(relaxed.findings.map((f) => `${f.rule}:${f.severity}`)).toEqual([
      'NR003:warning',
      'NR022:warning',
      'NR030:notice',
    ]);
  });

  it('allows writable directories and setid files by glob', () => {
    const result = run(
      'preset: hardened\nallow-writable: [/data, /srv/*]\nallow-setid: [/usr/bin/*]\n',
    );
    expect(result.findings.map((f) => f.rule)).toEqual(['NR003']);
  });

  it('ignores with a reason, counts what was ignored, and matches the finding file by glob', () => {
    const result = run(
      'ignore:\n  - rule: user-not-numeric\n    path: "**/Dockerfile"\n    reason: Kubernetes is not used\n',
    );
    expect(result.findings.map((f) => f.rule)).toEqual(['NR030', 'NR022']);
    expect(result.ignored).toEqual([
      {
        rule: 'NR003',
        path: '**/Dockerfile',
        reason: 'Kubernetes is not used',
        expires: null,
        count: 1,
      },
    ]);
    const elsewhere = run(
      'ignore:\n  - rule: NR003\n    path: services/**\n    reason: another service\n',
    );
    expect(elsewhere.findings.map((f) => f.rule)).toContain('NR003');
    expect(elsewhere.ignored).toEqual([]);
  });

  it('stops applying an expired ignore', () => {
    const text = 'ignore:\n  - rule: NR003\n    reason: migrating\n    expires: 2026-12-01\n';
    expect(run(text, { today: '2026-11-30' }).ignored).toHaveLength(1);
    const expired = run(text, { today: '2026-12-01' });
    expect(expired.ignored).toEqual([]);
    expect(expired.findings.map((f) => f.rule)).toContain('NR003');
  });
});
