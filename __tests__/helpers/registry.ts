import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A bcrypt hash of the password "secret" for the user "ci": test-only credentials. */
const HTPASSWD = 'ci:$2b$12$Y/uqiRWeWew7drlPZRwRG.PryYYNUcpL2YL797GZ70KE9.ma6uQJG\n';

export interface Registry {
  /** `127.0.0.1:PORT`, usable as an image name prefix; 127.0.0.0/8 needs no insecure-registry setting. */
  host: string;
  stop(): Promise<void>;
}

async function answers(port: number): Promise<number | null> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/v2/`);
    return response.status;
  } catch {
    return null;
  }
}

/**
 * Starts the real registry (Debian's docker-registry) on loopback, with its
 * storage in a temporary directory; with `auth`, every request needs the
 * htpasswd credentials above.
 */
export async function startRegistry(
  port: number,
  options: { auth?: boolean } = {},
): Promise<Registry> {
  const host = `127.0.0.1:${port}`;
  if ((await answers(port)) !== null) {
    throw new Error(`something already listens on ${host}; stop it before running the pull tests`);
  }
  const dir = await mkdtemp(join(tmpdir(), 'nonroot-guard-registry-'));
  const auth = options.auth
    ? `auth:\n  htpasswd:\n    realm: nonroot-guard-test\n    path: ${join(dir, 'htpasswd')}\n`
    : '';
  await writeFile(join(dir, 'htpasswd'), HTPASSWD);
  await writeFile(
    join(dir, 'config.yml'),
    `version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n    rootdirectory: ${join(dir, 'data')}\n  delete:\n    enabled: true\nhttp:\n  addr: ${host}\n${auth}`,
  );
  const child: ChildProcess = spawn('docker-registry', ['serve', join(dir, 'config.yml')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  for (let attempt = 0; attempt < 100; attempt++) {
    if ((await answers(port)) !== null) {
      return {
        host,
        async stop() {
          child.kill('SIGTERM');
          await exited;
          await rm(dir, { recursive: true, force: true });
        },
      };
    }
    if (child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`docker-registry did not start on ${host}:\n${stderr}`);
}
