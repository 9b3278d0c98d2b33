import { describe, expect, it } from 'vitest';
import { CheckError } from '../../src/shared/errors.js';
import { githubDeadlineMs } from '../../src/github/publish.js';
import { probeLimits } from '../../src/probe/probe.js';
import { defaultTransfer } from '../../src/source/docker/probe-container.js';
import { cli, STACK_FRAME } from '../helpers/run.js';

/** The three environment variables: validated, never silently replaced by a default. */
describe('environment variables', () => {
  it('reads NONROOT_GUARD_GITHUB_TIMEOUT, and refuses a bad value instead of using 60 s', () => {
    expect(githubDeadlineMs({})).toBe(60_000);
    expect(githubDeadlineMs({ NONROOT_GUARD_GITHUB_TIMEOUT: '3' })).toBe(3_000);
    for (const bad of ['abc', '0', '-5', '1e9', '99999']) {
      expect(() => githubDeadlineMs({ NONROOT_GUARD_GITHUB_TIMEOUT: bad })).toThrow(CheckError);
    }
  });

  it('reads NONROOT_GUARD_PROBE_TRANSFER, and refuses a value that is neither mount nor copy', () => {
    expect(defaultTransfer({})).toBe('mount');
    expect(defaultTransfer({ DOCKER_HOST: 'tcp://10.0.0.1:2376' })).toBe('copy');
    expect(defaultTransfer({ NONROOT_GUARD_PROBE_TRANSFER: 'copy' })).toBe('copy');
    expect(() => defaultTransfer({ NONROOT_GUARD_PROBE_TRANSFER: 'bind' })).toThrow(
      'NONROOT_GUARD_PROBE_TRANSFER="bind": expected mount or copy',
    );
  });

  it('reads NONROOT_GUARD_PROBE_TIMEOUT', () => {
    expect(probeLimits({}).timeoutMs).toBe(120_000);
    expect(probeLimits({ NONROOT_GUARD_PROBE_TIMEOUT: '2.5' }).timeoutMs).toBe(2_500);
    expect(() => probeLimits({ NONROOT_GUARD_PROBE_TIMEOUT: 'soon' })).toThrow(
      'NONROOT_GUARD_PROBE_TIMEOUT="soon": expected a number of seconds greater than 0 and at most 3600',
    );
  });

  it('fails the CLI at start, before any build, with the variable named and a Fix line', async () => {
    const result = await cli(['check', '--context', 'examples/forgot-user'], {
      env: { ...process.env, NONROOT_GUARD_GITHUB_TIMEOUT: 'a minute' },
      timeoutMs: 30_000,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'NONROOT_GUARD_GITHUB_TIMEOUT="a minute": expected a number of seconds greater than 0 and at most 3600',
    );
    expect(result.stderr).toContain('Fix: Unset it for the default (60)');
    expect(result.stderr).not.toContain('Building');
    expect(result.stderr).not.toMatch(STACK_FRAME);
  });
});
