import * as z from 'zod/mini';
import { FAIL_ON, PRESETS, PROBE_MODES } from '../policy/types.js';
import { probeSchema } from '../probe/schema.js';
import '../shared/schema-locale.js';

/**
 * The JSON report (schemaVersion 1) as a schema, for reading a report back:
 * the `report-file` input posts the report of another run, typically an
 * artifact of a fork's pull_request run, which the fork controls. So every
 * field that is rendered without escaping (rule ids and names, severities,
 * numbers) is held to its exact form here, and strings are bounded. Unknown
 * fields are dropped: the contract only ever adds fields.
 */

const text = z.string().check(z.maxLength(100_000));
const shortText = z.string().check(z.maxLength(4096));
const count = z.int().check(z.nonnegative());
const ruleId = z.string().check(z.regex(/^NR\d{3}$/));
const ruleName = z.string().check(z.regex(/^[a-z0-9-]{1,64}$/));
const severity = z.enum(['error', 'warning', 'notice']);
const level = z.enum(['error', 'warning', 'notice', 'off']);
const location = z.nullable(z.object({ file: shortText, line: z.int().check(z.positive()) }));
const probe = probeSchema.shape;
const capabilities = z.array(z.string().check(z.regex(/^[A-Z_0-9]{1,32}$/))).check(z.maxLength(64));

const finding = z.object({
  rule: ruleId,
  name: ruleName,
  severity,
  message: text,
  location,
  fix: z.nullable(z.object({ summary: text, diff: z.nullable(text) })),
  // Added after schemaVersion 1 first shipped: a report of an earlier version has none.
  /** The platforms of the image the finding holds for. */
  platforms: z._default(z.array(shortText).check(z.maxLength(64)), []),
});

const counts = z.object({ error: count, warning: count, notice: count });
const probeStatus = z.discriminatedUnion('status', [
  z.object({ status: z.literal('ok'), elapsedMs: count }),
  z.object({ status: z.literal('failed'), reason: text }),
  z.object({ status: z.literal('user-error'), reason: text }),
]);
const imageUser = z.object({
  config: shortText,
  uid: z.nullable(z.int()),
  gid: z.nullable(z.int()),
  // Added after schemaVersion 1 first shipped: a report of an earlier version has neither.
  /** The groups the process has (the primary one too), sorted; null when it cannot start. */
  groups: z._default(z.nullable(z.array(z.int()).check(z.maxLength(65536))), null),
  name: z.nullable(shortText),
  home: z.nullable(shortText),
  /** Why the runtime refuses to start the container as this user, in its words; else null. */
  startError: z._default(z.nullable(text), null),
});

/** One platform of the image: judged (pass or fail, with its own user and probe) or not checked. */
const platformEntry = z.object({
  platform: shortText,
  verdict: z.enum(['pass', 'fail', 'not-checked']),
  /** Why the platform fails with no finding (see `blocked`), or why it was not checked; else null. */
  reason: z.nullable(text),
  /** The digest of this platform's manifest in the image's index; null when the image is not an index. */
  manifest: z.nullable(shortText),
  summary: z.nullable(counts),
  user: z.nullable(imageUser),
  probe: z.nullable(probeStatus),
});

export const reportSchema = z.object({
  schemaVersion: z.literal(1),
  tool: z.object({
    name: z.literal('nonroot-guard'),
    version: z.string().check(z.regex(/^[0-9A-Za-z.+-]{1,64}$/)),
  }),
  verdict: z.enum(['pass', 'fail']),
  /** Why the verdict is fail although no finding says so (a required probe that could not run), or null. */
  blocked: z.nullable(text),
  /** The image facts exactly as normalised from `docker inspect`. */
  image: z.object({
    ref: shortText,
    id: shortText,
    repoDigests: z.array(shortText).check(z.maxLength(1000)),
    platform: shortText,
    user: shortText,
    workdir: shortText,
    entrypoint: z.array(text).check(z.maxLength(1000)),
    cmd: z.array(text).check(z.maxLength(1000)),
    env: z.record(shortText, text),
    exposedPorts: z.array(shortText).check(z.maxLength(10_000)),
    volumes: z.array(shortText).check(z.maxLength(10_000)),
    labels: z.record(shortText, text),
  }),
  dockerfile: z.nullable(
    z.object({
      path: shortText,
      finalStage: z.object({
        name: z.nullable(shortText),
        line: z.int().check(z.positive()),
        base: shortText,
      }),
      /** The USER instruction that sets the image's user, or null when the base image decides. */
      user: z.nullable(
        z.object({ line: z.int().check(z.positive()), raw: shortText, value: shortText }),
      ),
    }),
  ),
  /** What became of the in-container probe: ok, failed (with the reason) or user-error. */
  probe: probeStatus,
  /** Facts the probe measured inside the image as its user; null when it could not run. */
  runtime: z.nullable(
    z.object({
      uid: z.int(),
      gid: z.int(),
      groups: z.array(z.int()).check(z.maxLength(65536)),
      name: z.nullable(shortText),
      home: z.nullable(shortText),
      /** The probe started as root (to see the whole filesystem) and became the image's user. */
      switched: z.boolean(),
      userError: z.nullable(text),
      accountFiles: z.object({
        passwd: probe.identity.shape.passwd,
        group: probe.identity.shape.group,
      }),
      capabilities: z.object({
        effective: capabilities,
        permitted: capabilities,
        bounding: capabilities,
        ambient: capabilities,
      }),
      noNewPrivs: z.boolean(),
      seccomp: z.enum(['disabled', 'strict', 'filter']),
      paths: probe.paths,
      writableDirs: probe.writableDirs,
      setid: probe.setid,
      fileCaps: probe.fileCaps,
      tools: probe.tools,
      ports: probe.ports,
      walk: probe.walk,
      probe: probe.probe,
    }),
  ),
  /** The image user as the runtime resolves it from the image's own /etc/passwd and /etc/group. */
  user: imageUser,
  /** The policy in force and where each part came from. */
  policy: z.object({
    preset: z.enum(PRESETS),
    presetSource: z.enum(['input', 'file', 'default']),
    file: z.nullable(shortText),
    failOn: z.enum(FAIL_ON),
    probe: z.enum(PROBE_MODES),
    /** Rules whose level the policy file changed from the preset's. */
    overrides: z
      .array(z.object({ rule: ruleId, name: ruleName, preset: level, level }))
      .check(z.maxLength(100)),
    /** Findings an ignore entry removed, with its reason. */
    ignored: z
      .array(
        z.object({
          rule: ruleId,
          path: z.nullable(shortText),
          reason: text,
          expires: z.nullable(shortText),
          count,
        }),
      )
      .check(z.maxLength(1000)),
    allow: z.object({
      writable: z.array(shortText).check(z.maxLength(1000)),
      setid: z.array(shortText).check(z.maxLength(1000)),
      incompleteWalk: z._default(z.array(shortText).check(z.maxLength(1000)), []),
      ports: z.array(z.int().check(z.minimum(0), z.maximum(65535))).check(z.maxLength(1000)),
      portVariables: z.array(shortText).check(z.maxLength(1000)),
    }),
  }),
  summary: counts,
  findings: z.array(finding).check(z.maxLength(100_000)),
  skipped: z.array(z.object({ rule: ruleId, reason: text })).check(z.maxLength(1000)),
  // Added after schemaVersion 1 first shipped: a report of an earlier version has none.
  /**
   * Each platform of the image, in the order judged: a multi-platform image's are all here
   * (the top-level image, user, probe and runtime are the first one's); the verdict fails
   * when any platform fails.
   */
  platforms: z._default(z.array(platformEntry).check(z.maxLength(64)), []),
  /** Things a person should know that are not findings (e.g. a Dockerfile that disagrees with the image). */
  notes: z.array(text).check(z.maxLength(1000)),
});

/** A report read back, or the first problem with it as `path: message`. */
export function parseReport(
  value: unknown,
): { report: z.output<typeof reportSchema> } | { problem: string } {
  const result = reportSchema.safeParse(value);
  if (result.success) return { report: result.data };
  const issue = result.error.issues[0]!;
  const where = issue.path.length > 0 ? issue.path.join('.') : '(the document)';
  return { problem: `${where}: ${issue.message}` };
}
