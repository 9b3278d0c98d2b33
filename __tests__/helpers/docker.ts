import { execFile } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
export const FIXTURES = join(REPO_ROOT, 'fixtures');
export const BUSYBOX = '/bin/busybox';

/** Base images the fixtures build FROM, in dependency order (see fixtures/bases/README.md). */
export const BASES = [
  { name: 'busybox', tag: 'nonroot-guard-fixture/busybox:test', needsBusybox: true },
  { name: 'dotnet-like', tag: 'nonroot-guard-fixture/dotnet-like:test', needsBusybox: false },
  { name: 'chiseled-like', tag: 'nonroot-guard-fixture/chiseled-like:test', needsBusybox: false },
  { name: 'tools', tag: 'nonroot-guard-fixture/tools:test', needsBusybox: false },
] as const;

/** Compiles fixtures/tools/*.c statically (musl-gcc, as the probe) into a build context. */
async function compileTools(context: string): Promise<void> {
  for (const tool of ['set-file-capability']) {
    await run('musl-gcc', [
      '-static',
      '-Os',
      '-s',
      '-o',
      join(context, tool),
      join(FIXTURES, 'tools', `${tool}.c`),
    ]);
  }
}

export async function docker(...args: string[]): Promise<string> {
  const { stdout } = await run('docker', args, { maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

/** Whether a daemon answers; `env` picks another engine (helpers/engines.ts). */
export async function dockerAnswers(env?: NodeJS.ProcessEnv): Promise<boolean> {
  try {
    await run('docker', ['version', '--format', '{{.Server.Version}}'], { timeout: 20_000, env });
    return true;
  } catch {
    return false;
  }
}

/**
 * Builds a directory into an image. The context is copied to a temporary
 * directory first (with busybox when asked), so fixtures stay plain files.
 */
export async function buildImage(
  directory: string,
  tag: string,
  options: {
    busybox?: boolean;
    tools?: boolean;
    buildArgs?: string[];
    /** Another engine's environment (helpers/engines.ts); default this process's. */
    env?: NodeJS.ProcessEnv;
  } = {},
): Promise<string> {
  const context = await mkdtemp(join(tmpdir(), 'nonroot-guard-fixture-'));
  try {
    await cp(directory, context, { recursive: true });
    if (options.busybox) await cp(BUSYBOX, join(context, 'busybox'));
    if (options.tools) await compileTools(context);
    const args = ['build', '--quiet', '--tag', tag];
    for (const arg of options.buildArgs ?? []) args.push('--build-arg', arg);
    const { stdout } = await run('docker', [...args, context], {
      maxBuffer: 16 * 1024 * 1024,
      env: options.env,
    });
    return stdout.trim();
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(`building ${directory} as ${tag} failed:\n${stderr}`, { cause: error });
  } finally {
    await rm(context, { recursive: true, force: true });
  }
}

/** A real Debian base from Debian's mirror, cached (scripts/debian-minbase.sh). */
async function buildDebianBase(env?: NodeJS.ProcessEnv): Promise<void> {
  try {
    await run('bash', [join(REPO_ROOT, 'scripts/debian-minbase.sh')], { timeout: 600_000, env });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? String(error);
    throw new Error(
      `building the Debian fixture base failed (scripts/debian-minbase.sh):\n${stderr}`,
      { cause: error },
    );
  }
}

/** The fixture bases, on this process's engine or on another (`env`, helpers/engines.ts). */
export async function buildBases(env?: NodeJS.ProcessEnv): Promise<void> {
  await buildDebianBase(env);
  for (const base of BASES) {
    await buildImage(join(FIXTURES, 'bases', base.name), base.tag, {
      busybox: base.needsBusybox,
      tools: base.name === 'tools',
      env,
    });
  }
}
