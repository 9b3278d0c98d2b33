import { z } from 'zod';

/**
 * The probe's output (probe/probe.c prints exactly one such JSON document on
 * stdout). It comes from inside an untrusted image, so it is parsed with this
 * schema and nothing else: unknown shapes are an error, never a guess.
 *
 * Paths are the bytes the kernel gave, as JSON strings: invalid UTF-8 becomes
 * U+FFFD, control characters are \u escapes.
 */

const path = z.string().max(4096);
const hex = z.string().regex(/^[0-9a-f]{1,16}$/);

const fileKind = z.enum(['dir', 'file', 'symlink', 'other', 'missing']);

export const PATH_ROLES = [
  'root',
  'bin',
  'sbin',
  'usr',
  'lib',
  'etc',
  'tmp',
  'home',
  'workdir',
  'exec',
  'exec-dir',
] as const;

const checkedPath = z.strictObject({
  path,
  roles: z.array(z.enum(PATH_ROLES)),
  type: fileKind,
  mode: z.number().int().nonnegative().nullable(),
  uid: z.number().int().nonnegative().nullable(),
  gid: z.number().int().nonnegative().nullable(),
  /** The runtime user can modify it: a file by access(W_OK), a directory by creating and removing a file in it. */
  writable: z.boolean(),
  /** Why it could not be checked (e.g. `ELOOP`), or null. */
  error: z.string().max(200).nullable(),
});

const truncatedList = <T extends z.ZodType>(item: T) =>
  z.strictObject({
    items: z.array(item),
    count: z.number().int().nonnegative(),
    truncated: z.boolean(),
  });

export const probeSchema = z.strictObject({
  probe: z.strictObject({ version: z.literal(1), arch: z.string().max(32) }),
  /** Set when the probe could not become the image's user: the runtime's own message. */
  userError: z.string().max(1000).nullable(),
  identity: z.strictObject({
    /** The probe started as root and switched to the configured user, as runc does. */
    switched: z.boolean(),
    uid: z.number().int(),
    gid: z.number().int(),
    groups: z.array(z.number().int()).max(65536),
    name: z.string().max(256).nullable(),
    home: path.nullable(),
    passwd: z.enum(['ok', 'missing', 'unreadable', 'not-regular', 'too-large']),
    group: z.enum(['ok', 'missing', 'unreadable', 'not-regular', 'too-large']),
  }),
  status: z.strictObject({
    capEff: hex,
    capPrm: hex,
    capBnd: hex,
    capAmb: hex,
    noNewPrivs: z.number().int().min(0).max(1),
    seccomp: z.number().int().min(0).max(2),
  }),
  paths: z.array(checkedPath).max(64),
  writableDirs: truncatedList(path),
  setid: truncatedList(
    z.strictObject({
      path,
      mode: z.number().int().nonnegative(),
      uid: z.number().int().nonnegative(),
      gid: z.number().int().nonnegative(),
    }),
  ),
  fileCaps: truncatedList(
    z.strictObject({ path, capability: z.string().regex(/^[0-9a-f]{0,128}$/) }),
  ),
  tools: z
    .array(
      z.strictObject({
        kind: z.enum(['shell', 'package-manager', 'privilege', 'account']),
        name: z.string().max(64),
        path,
        resolved: path,
      }),
    )
    .max(256),
  ports: z
    .array(
      z.strictObject({
        port: z.number().int().min(0).max(65535),
        protocol: z.enum(['tcp', 'udp']),
        bindable: z.boolean(),
        error: z.string().max(64).nullable(),
      }),
    )
    .max(256),
  walk: z.strictObject({
    entries: z.number().int().nonnegative(),
    directories: z.number().int().nonnegative(),
    elapsedMs: z.number().int().nonnegative(),
    truncated: z.boolean(),
    unscanned: truncatedList(z.strictObject({ path, reason: z.string().max(200) })),
  }),
});

export type ProbeOutput = z.infer<typeof probeSchema>;
