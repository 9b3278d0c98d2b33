import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * A Docker daemon of the tests' own, for images that attack the daemon itself
 * (a FIFO or a device node at /etc/passwd): its own data root, exec root,
 * socket, pid file, containerd (dockerd starts one under its exec root) and
 * containerd namespace, its own bridge, in a memory-capped cgroup, so that
 * whatever such an image does to it, the machine's daemon and everything else
 * on the machine go on. Never --bridge=none: dockerd would then delete the
 * host's docker0.
 */
export interface PrivateDaemon {
  host: string;
  env: NodeJS.ProcessEnv;
  docker(...args: string[]): Promise<string>;
  /** The daemon still answers (within 10 s). */
  answers(): Promise<boolean>;
  stop(): Promise<void>;
}

const NAME = 'nonroot-guard-private';
const ROOT = `/var/lib/${NAME}`;
const EXEC_ROOT = `/run/${NAME}`;
const SOCKET = `${EXEC_ROOT}/docker.sock`;
const BRIDGE = 'nrgpriv0';
const BRIDGE_ADDRESS = '172.31.251.1/24';
const MEMORY_LIMIT = 1024 * 1024 * 1024;

/** The memory cgroup the daemon runs in (cgroup v2, else v1's memory controller). */
async function cappedCgroup(): Promise<string> {
  const v2 = '/sys/fs/cgroup/cgroup.controllers';
  if (existsSync(v2) && (await readFile(v2, 'utf8')).includes('memory')) {
    const dir = `/sys/fs/cgroup/${NAME}`;
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'memory.max'), String(MEMORY_LIMIT));
    await writeFile(join(dir, 'memory.swap.max'), '0').catch(() => {});
    return dir;
  }
  const dir = `/sys/fs/cgroup/memory/${NAME}`;
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'memory.limit_in_bytes'), String(MEMORY_LIMIT));
  return dir;
}

async function bridgeUp(): Promise<void> {
  const { stdout } = await run('ip', ['-o', 'link', 'show']);
  if (!stdout.includes(` ${BRIDGE}:`)) {
    await run('ip', ['link', 'add', BRIDGE, 'type', 'bridge']);
    await run('ip', ['addr', 'add', BRIDGE_ADDRESS, 'dev', BRIDGE]);
  }
  await run('ip', ['link', 'set', BRIDGE, 'up']);
}

export async function startPrivateDaemon(): Promise<PrivateDaemon> {
  const env = { ...process.env, DOCKER_HOST: `unix://${SOCKET}` };
  const docker = async (...args: string[]) =>
    (await run('docker', args, { env, maxBuffer: 64 * 1024 * 1024, timeout: 120_000 })).stdout;
  const answers = () =>
    run('docker', ['version', '--format', '{{.Server.Version}}'], { env, timeout: 10_000 }).then(
      () => true,
      () => false,
    );
  if (await answers()) return { host: env.DOCKER_HOST, env, docker, answers, stop: async () => {} };

  const cgroup = await cappedCgroup();
  await bridgeUp();
  await mkdir(EXEC_ROOT, { recursive: true });
  const daemon = spawn(
    'dockerd',
    [
      `--data-root=${ROOT}`,
      `--exec-root=${EXEC_ROOT}`,
      `--pidfile=${EXEC_ROOT}/docker.pid`,
      `--host=unix://${SOCKET}`,
      `--containerd-namespace=${NAME}`,
      `--containerd-plugins-namespace=${NAME}-plugins`,
      `--bridge=${BRIDGE}`,
      '--iptables=false',
      '--ip-masq=false',
      `--cgroup-parent=/${NAME}`,
    ],
    { detached: true, stdio: ['ignore', 'ignore', 'ignore'] },
  );
  await writeFile(join(cgroup, 'cgroup.procs'), String(daemon.pid));
  daemon.unref();
  for (let attempt = 0; attempt < 60 && !(await answers()); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  if (!(await answers()))
    throw new Error(`the private dockerd on ${SOCKET} did not answer within 60 s`);
  return {
    host: env.DOCKER_HOST,
    env,
    docker,
    answers,
    stop: async () => {
      daemon.kill('SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 3000));
      if (daemon.exitCode === null) daemon.kill('SIGKILL');
      await run('ip', ['link', 'delete', BRIDGE]).catch(() => {});
      await rm(EXEC_ROOT, { recursive: true, force: true });
    },
  };
}

/**
 * An image whose account files are special files, made by `docker import` of a
 * tar built on the host: no container is started to make it, on any daemon.
 */
export async function importAccountFileImage(
  daemon: PrivateDaemon,
  tag: string,
  dir: string,
  kind: 'fifo-passwd' | 'zero-group',
): Promise<void> {
  const tree = join(dir, kind);
  await rm(tree, { recursive: true, force: true });
  await mkdir(join(tree, 'etc'), { recursive: true });
  await mkdir(join(tree, 'bin'), { recursive: true });
  await run('cp', ['/bin/busybox', join(tree, 'bin/busybox')]);
  if (kind === 'fifo-passwd') {
    await run('mkfifo', [join(tree, 'etc/passwd')]);
    await writeFile(join(tree, 'etc/group'), 'root:x:0:\napp:x:1654:\n');
  } else {
    await writeFile(
      join(tree, 'etc/passwd'),
      'root:x:0:0::/root:/bin/sh\napp:x:1654:1654::/:/bin/sh\n',
    );
    await run('mknod', [join(tree, 'etc/group'), 'c', '1', '5']);
  }
  const archive = join(dir, `${kind}.tar`);
  await run('tar', ['--create', '--file', archive, '--directory', tree, '.']);
  await daemon.docker(
    'import',
    '--change',
    'USER app',
    '--change',
    'ENTRYPOINT ["/bin/busybox", "id"]',
    archive,
    tag,
  );
}
