import * as z from 'zod/mini';
import { CheckError } from '../../shared/errors.js';
import '../../shared/schema-locale.js';
import type { ImageFacts } from '../../facts/image.js';

// Only the fields we use; Docker adds fields over time and images built by
// other tools leave many of them null, so every one is optional.
const stringList = z.nullish(z.array(z.string()));
const stringSet = z.nullish(z.record(z.string(), z.unknown()));
const inspectSchema = z.object({
  Id: z.string(),
  RepoDigests: stringList,
  Os: z.nullish(z.string()),
  Architecture: z.nullish(z.string()),
  Variant: z.nullish(z.string()),
  Config: z.nullish(
    z.object({
      User: z.nullish(z.string()),
      WorkingDir: z.nullish(z.string()),
      Entrypoint: stringList,
      Cmd: stringList,
      Env: stringList,
      ExposedPorts: stringSet,
      Volumes: stringSet,
      Labels: z.nullish(z.record(z.string(), z.string())),
    }),
  ),
});

/** Splits `KEY=value` entries; a later entry for the same key wins, as in the runtime. */
export function parseEnvList(entries: readonly string[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const entry of entries) {
    const eq = entry.indexOf('=');
    if (eq <= 0) continue;
    env[entry.slice(0, eq)] = entry.slice(eq + 1);
  }
  return env;
}

/** Turns one element of `docker image inspect` output into ImageFacts. */
export function normaliseInspect(raw: unknown, ref: string): ImageFacts {
  const parsed = inspectSchema.safeParse(raw);
  if (!parsed.success) {
    throw new CheckError(
      'docker',
      `docker image inspect ${ref} returned data this tool does not understand: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
      'Check that the docker CLI and engine are working (`docker image inspect` by hand) and report this if they are.',
    );
  }
  const image = parsed.data;
  const config = image.Config ?? {};
  const platform = [image.Os ?? 'linux', image.Architecture ?? 'unknown', image.Variant]
    .filter((part) => part)
    .join('/');
  return {
    ref,
    id: image.Id,
    repoDigests: image.RepoDigests ?? [],
    platform,
    user: config.User ?? '',
    workdir: config.WorkingDir ?? '',
    entrypoint: config.Entrypoint ?? [],
    cmd: config.Cmd ?? [],
    env: parseEnvList(config.Env ?? []),
    exposedPorts: Object.keys(config.ExposedPorts ?? {}).sort(),
    volumes: Object.keys(config.Volumes ?? {}).sort(),
    labels: config.Labels ?? {},
  };
}
