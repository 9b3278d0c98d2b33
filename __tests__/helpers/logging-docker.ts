import { execFileSync } from 'node:child_process';
import { chmod, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A docker that logs each call's first words, then runs the real one (or hangs on `version`). */
export async function loggingDocker(
  options: { hangOnVersion?: boolean; env?: NodeJS.ProcessEnv } = {},
) {
  const real = execFileSync('sh', ['-c', 'command -v docker'], { encoding: 'utf8' }).trim();
  const dir = await mkdtemp(join(tmpdir(), 'nonroot-guard-docker-calls-'));
  const log = join(dir, 'calls.log');
  const hang = options.hangOnVersion ? `[ "$1" = version ] && exec sleep 120\n` : '';
  await writeFile(
    join(dir, 'docker'),
    `#!/bin/sh\necho "$1 $2" >> '${log}'\n${hang}exec '${real}' "$@"\n`,
  );
  await chmod(join(dir, 'docker'), 0o755);
  return {
    env: { ...(options.env ?? process.env), PATH: `${dir}:${process.env['PATH']}` },
    calls: async () =>
      (await readFile(log, 'utf8').catch(() => ''))
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => (line.split(' ')[0] === 'run' ? 'run' : line)),
  };
}
