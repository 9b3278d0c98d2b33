import { describe, expect, it } from 'vitest';
import { CheckError } from '../../src/shared/errors.js';
import {
  runCommand,
  type CommandOptions,
  type CommandResult,
  type CommandRunner,
} from '../../src/source/command.js';
import { Docker } from '../../src/source/docker/docker.js';
import {
  EarlyCalls,
  engineCall,
  imageStoreCall,
  inspectCall,
  startEarlyCalls,
} from '../../src/source/docker/early-calls.js';

const INSPECT_JSON = JSON.stringify({
  Id: 'sha256:' + 'a'.repeat(64),
  RepoTags: ['app:1'],
  RepoDigests: [],
  Os: 'linux',
  Architecture: 'amd64',
  Config: { User: '1000', Env: [], Entrypoint: null, Cmd: ['/app'], WorkingDir: '/' },
});

/** A docker that answers version and inspect, and records every call it gets. */
function recordingRunner() {
  const calls: { args: readonly string[]; options?: CommandOptions }[] = [];
  const runner: CommandRunner = async (_file, args, options) => {
    calls.push({ args, options });
    const ok = (stdout: string): CommandResult => ({
      exitCode: 0,
      stdout,
      stderr: '',
      timedOut: false,
    });
    if (args[0] === 'version') return ok('linux|arm64|27.0.1\n');
    if (args[0] === 'image') return ok(INSPECT_JSON);
    return { exitCode: 1, stdout: '', stderr: 'unexpected call', timedOut: false };
  };
  return { calls, runner };
}

describe('early docker calls', () => {
  it('are the same calls, argv and timeout, as the ones Docker makes', () => {
    expect(engineCall()).toEqual({
      args: ['version', '--format', '{{.Server.Os}}|{{.Server.Arch}}|{{.Server.Version}}'],
      options: { timeoutMs: 30_000 },
    });
    expect(imageStoreCall()).toEqual({
      args: ['info', '--format', '{{json .DriverStatus}}'],
      options: { timeoutMs: 30_000 },
    });
    expect(inspectCall('app:1')).toEqual({
      args: ['image', 'inspect', '--format', '{{json .}}', '--', 'app:1'],
      options: { timeoutMs: 60_000 },
    });
  });

  it("start the engine's checks always, and the inspect only for an image that should exist", () => {
    const early = recordingRunner();
    startEarlyCalls({ existingImage: 'app:1' }, new EarlyCalls('docker', early.runner));
    expect(early.calls.map((call) => call.args.slice(0, 2))).toEqual([
      ['version', '--format'],
      ['info', '--format'],
      ['image', 'inspect'],
    ]);
    const building = recordingRunner();
    startEarlyCalls({}, new EarlyCalls('docker', building.runner));
    expect(building.calls.map((call) => call.args[0])).toEqual(['version', 'info']);
  });

  it('are taken by Docker once each, for the identical argv, instead of running again', async () => {
    const early = recordingRunner();
    const calls = startEarlyCalls(
      { existingImage: 'app:1' },
      new EarlyCalls('docker', early.runner),
    );
    const later = recordingRunner();
    const docker = new Docker(later.runner, 'docker', calls);

    expect(await docker.engine()).toEqual({ os: 'linux', arch: 'arm64', version: '27.0.1' });
    expect((await docker.inspect('app:1'))?.user).toBe('1000');
    expect(later.calls).toEqual([]);

    // Taken once: asked again, and for another image, docker runs as usual.
    await docker.engine();
    await docker.inspect('other:2');
    expect(later.calls.map((call) => call.args)).toEqual([
      engineCall().args,
      inspectCall('other:2').args,
    ]);
    expect(early.calls).toHaveLength(3);
  });

  it('pass the early call its usual timeout, and a signal to kill it by', () => {
    const early = recordingRunner();
    startEarlyCalls({ existingImage: 'app:1' }, new EarlyCalls('docker', early.runner));
    for (const call of early.calls) {
      expect(call.options?.timeoutMs).toBeGreaterThan(0);
      expect(call.options?.signal).toBeInstanceOf(AbortSignal);
    }
  });

  it('give the usual "docker is not installed" error when the binary is missing', async () => {
    const binary = 'nonroot-guard-no-such-docker';
    const calls = startEarlyCalls({}, new EarlyCalls(binary, runCommand));
    const error = await new Docker(runCommand, binary, calls).engine().catch((caught) => caught);
    expect(error).toBeInstanceOf(CheckError);
    expect((error as CheckError).message).toBe(
      `docker is not installed: the command "${binary}" was not found`,
    );
  });

  it('nobody took are killed by discard, so they do not keep the process alive', async () => {
    // A call that would run for a minute: `sleep 60` stands in for a hung daemon.
    const started: Promise<CommandResult>[] = [];
    const runner: CommandRunner = (file, args, options) => {
      const result = runCommand(file, args, options);
      started.push(result);
      return result;
    };
    const sleeping = new EarlyCalls('sleep', runner);
    sleeping.start({ args: ['60'], options: { timeoutMs: 120_000 } });
    sleeping.discard();
    const result = await started[0]!;
    expect(result.exitCode).toBe(128); // killed by a signal
    expect(result.timedOut).toBe(false);
    expect(sleeping.take('sleep', ['60'])).toBeUndefined();
  });
});
