import { describe, expect, it } from 'vitest';
import type { CommandRunner } from '../../src/source/command.js';
import { Docker } from '../../src/source/docker/docker.js';

/**
 * How `docker cp` says a file is missing depends on the engine and its storage: both
 * messages below are real, from Docker 20.10's CLI (overlay2 on this machine; vfs in
 * a nested dockerd, as in CI's container). Either way the image has no such file.
 */
describe("a file that a created container's image does not have", () => {
  const missingWith = (stderr: string) => {
    const runner: CommandRunner = async () => ({
      exitCode: 1,
      stdout: '',
      stderr,
      timedOut: false,
    });
    return new Docker(runner).readImageFile('nonroot-guard-probe-e273c5f8c4da', '/etc/group', 1024);
  };

  it.each([
    'Error: Could not find the file /etc/group in container nonroot-guard-probe-e273c5f8c4da\n',
    'Error: No such container:path: nonroot-guard-probe-e273c5f8c4da:/etc/group\n',
  ])('is missing when docker cp says %j', async (stderr) => {
    expect(await missingWith(stderr)).toEqual({ kind: 'missing' });
  });

  it('is unreadable, with the reason, for any other failure', async () => {
    expect(await missingWith('Error response from daemon: permission denied\n')).toEqual({
      kind: 'unreadable',
      reason: 'Error response from daemon: permission denied',
    });
  });
});
