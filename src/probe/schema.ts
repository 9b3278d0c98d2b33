import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

// The English messages, as src/shared/schema-locale.ts sets them: probe/e2e.mjs loads
// this file on its own with Node's type stripping, which cannot follow an
// import of '../schema-locale.js' to its .ts, so this module sets them itself.
z.config(en());

/**
 * The probe's output (probe/probe.c prints exactly one such JSON document on
 * stdout). It comes from inside an untrusted image, so it is parsed with this
 * schema and nothing else: unknown shapes are an error, never a guess.
 *
 * Paths are the bytes the kernel gave, as JSON strings: invalid UTF-8 becomes
 * U+FFFD, control characters are \u escapes.
 */

const path = z.string().check(z.maxLength(4096));
const hex = z.string().check(z.regex(/^[0-9a-f]{1,16}$/));

/**
 * How the probe found an account file. `mounted`: it resolves into a mount of
 * the container (/proc, /sys, /dev, /etc/hosts, a volume), where the engine,
 * which reads the image's own files before anything is mounted, sees another
 * file; `escapes`: a symlink on the way climbs above /.
 */
export const ACCOUNT_FILE_STATUSES = [
  'ok',
  'missing',
  'unreadable',
  'not-regular',
  'too-large',
  'mounted',
  'escapes',
] as const;
const accountFileStatus = z.enum(ACCOUNT_FILE_STATUSES);

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
  'volume',
] as const;

const checkedPath = z.strictObject({
  path,
  roles: z.array(z.enum(PATH_ROLES)),
  type: fileKind,
  mode: z.nullable(z.int().check(z.nonnegative())),
  uid: z.nullable(z.int().check(z.nonnegative())),
  gid: z.nullable(z.int().check(z.nonnegative())),
  /** The runtime user can modify it: a file by access(W_OK), a directory by creating and removing a file in it. */
  writable: z.boolean(),
  /** Why it could not be checked (e.g. `ELOOP`), or null. */
  error: z.nullable(z.string().check(z.maxLength(200))),
});

const truncatedList = <T extends z.ZodMiniType>(item: T) =>
  z.strictObject({
    items: z.array(item),
    count: z.int().check(z.nonnegative()),
    truncated: z.boolean(),
  });

export const probeSchema = z.strictObject({
  probe: z.strictObject({ version: z.literal(1), arch: z.string().check(z.maxLength(32)) }),
  /** Set when the probe could not become the image's user: the runtime's own message. */
  userError: z.nullable(z.string().check(z.maxLength(1000))),
  identity: z.strictObject({
    /** The probe started as root and switched to the configured user, as runc does. */
    switched: z.boolean(),
    uid: z.int(),
    gid: z.int(),
    groups: z.array(z.int()).check(z.maxLength(65536)),
    name: z.nullable(z.string().check(z.maxLength(256))),
    home: z.nullable(path),
    passwd: accountFileStatus,
    group: accountFileStatus,
    /** Where the path led inside the image: the file, or the run-time mount it entered. */
    passwdResolved: z.nullable(path),
    groupResolved: z.nullable(path),
  }),
  status: z.strictObject({
    capEff: hex,
    capPrm: hex,
    capBnd: hex,
    capAmb: hex,
    noNewPrivs: z.int().check(z.minimum(0), z.maximum(1)),
    seccomp: z.int().check(z.minimum(0), z.maximum(2)),
  }),
  paths: z.array(checkedPath).check(z.maxLength(64)),
  writableDirs: truncatedList(path),
  setid: truncatedList(
    z.strictObject({
      path,
      mode: z.int().check(z.nonnegative()),
      uid: z.int().check(z.nonnegative()),
      gid: z.int().check(z.nonnegative()),
    }),
  ),
  fileCaps: truncatedList(
    z.strictObject({ path, capability: z.string().check(z.regex(/^[0-9a-f]{0,128}$/)) }),
  ),
  tools: z
    .array(
      z.strictObject({
        kind: z.enum(['shell', 'package-manager', 'privilege', 'account']),
        name: z.string().check(z.maxLength(64)),
        path,
        resolved: path,
      }),
    )
    .check(z.maxLength(256)),
  ports: z
    .array(
      z.strictObject({
        port: z.int().check(z.minimum(0), z.maximum(65535)),
        protocol: z.enum(['tcp', 'udp']),
        bindable: z.boolean(),
        error: z.nullable(z.string().check(z.maxLength(64))),
      }),
    )
    .check(z.maxLength(256)),
  walk: z.strictObject({
    entries: z.int().check(z.nonnegative()),
    directories: z.int().check(z.nonnegative()),
    elapsedMs: z.int().check(z.nonnegative()),
    truncated: z.boolean(),
    unscanned: truncatedList(z.strictObject({ path, reason: z.string().check(z.maxLength(200)) })),
  }),
});

export type ProbeOutput = z.infer<typeof probeSchema>;
