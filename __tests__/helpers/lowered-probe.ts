import { execFile } from 'node:child_process';
import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from './docker.js';

/**
 * Probes with some of probe.c's limits lowered (its #ifndef values), for the cases about
 * what the walk does at a limit that no image reaches cheaply (2,000,000 entries, 20 s of
 * walking; depth and path length cannot be passed at all: the engine drops paths over
 * PATH_MAX from a layer). Built by probe/build.sh with the release's flags.
 */

const run = promisify(execFile);
const built = new Map<string, Promise<string>>();

/** The directory holding linux-amd64 and linux-arm64 built with these limits. */
export function probesWithLimits(limits: Record<string, number>): Promise<string> {
  const defines = Object.entries(limits)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, value]) => `-D${name}=${value}`);
  const key = defines.join(' ');
  let dir = built.get(key);
  if (!dir) {
    dir = (async () => {
      const out = await mkdtemp(join(tmpdir(), 'nonroot-guard-probe-'));
      await run('sh', [join(REPO_ROOT, 'probe/build.sh'), '--out', out, ...defines]).catch(
        (error: Error & { stdout?: string; stderr?: string }) => {
          throw new Error(
            `probe/build.sh --out ${key} failed: ${error.message}\n${error.stdout ?? ''}${error.stderr ?? ''}`,
          );
        },
      );
      return out;
    })();
    built.set(key, dir);
  }
  return dir;
}

const ENGINE_ARCH: Record<string, string> = { x64: 'amd64', arm64: 'arm64' };

/** This machine's probe binary with these limits. */
export async function probeWithLimits(limits: Record<string, number>): Promise<string> {
  return join(await probesWithLimits(limits), `linux-${ENGINE_ARCH[process.arch] ?? process.arch}`);
}

/**
 * A copy of the committed bundles (dist/) whose probes have these limits: the real
 * CLI and action, only the limits differ. Returns the copy's root, for runNode's `root`.
 */
export async function bundleWithLimits(limits: Record<string, number>): Promise<string> {
  const probes = await probesWithLimits(limits);
  const root = await mkdtemp(join(tmpdir(), 'nonroot-guard-bundle-'));
  await cp(join(REPO_ROOT, 'dist'), join(root, 'dist'), { recursive: true });
  for (const arch of ['amd64', 'arm64']) {
    await cp(join(probes, `linux-${arch}`), join(root, 'dist/probe', `linux-${arch}`));
  }
  return root;
}
