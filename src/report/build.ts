import type { EffectivePolicy } from '../policy/effective.js';
import { capabilityNames } from '../facts/capabilities.js';
import type { Evaluation } from '../policy/types.js';
import type { Facts } from '../facts/types.js';
import type { ProbeOutput } from '../probe/schema.js';
import type { Report, RuntimeReport } from './types.js';

/** The JSON report (the contract) from the facts, the evaluation and the policy: pure data. */
export function buildReport(
  facts: Facts,
  evaluation: Evaluation,
  policy: EffectivePolicy,
  version: string,
  notes: string[],
  /** The digest of the image's manifest for its platform, when the image is an index. */
  manifest: string | null = null,
): Report {
  const { image, user, dockerfile } = facts;
  const userReport = {
    config: image.user,
    uid: user.uid,
    gid: user.gid,
    groups: user.groups,
    name: user.entry?.name ?? null,
    home: user.entry?.home ?? (user.uid !== null ? '/' : null),
    startError: user.startError,
  };
  return {
    schemaVersion: 1,
    tool: { name: 'nonroot-guard', version },
    verdict: evaluation.verdict,
    blocked: evaluation.blocked,
    image,
    dockerfile: dockerfile && {
      path: dockerfile.path,
      finalStage: {
        name: dockerfile.finalStage.name,
        line: dockerfile.finalStage.line,
        base: dockerfile.finalStage.base,
      },
      user: dockerfile.effectiveUser && {
        line: dockerfile.effectiveUser.line,
        raw: dockerfile.effectiveUser.raw,
        value: dockerfile.effectiveUser.value,
      },
    },
    probe: facts.probe,
    runtime: facts.runtime && runtimeReport(facts.runtime),
    user: userReport,
    policy: {
      preset: policy.preset,
      presetSource: policy.presetSource,
      file: policy.file,
      failOn: policy.failOn,
      probe: policy.probe,
      overrides: policy.overrides,
      ignored: evaluation.ignored,
      allow: { ...policy.allow, portVariables: policy.portVariables },
    },
    summary: evaluation.counts,
    findings: evaluation.findings.map((finding) => ({ ...finding, platforms: [image.platform] })),
    skipped: evaluation.skipped,
    platforms: [
      {
        platform: image.platform,
        verdict: evaluation.verdict,
        reason: evaluation.blocked,
        manifest,
        summary: evaluation.counts,
        user: userReport,
        probe: facts.probe,
      },
    ],
    notes,
  };
}

/** The probe's facts for the report: the identity first, as a reader looks for it. */
function runtimeReport(output: ProbeOutput): RuntimeReport {
  const { identity, status, ...rest } = output;
  return {
    uid: identity.uid,
    gid: identity.gid,
    groups: identity.groups,
    name: identity.name,
    home: identity.home,
    switched: identity.switched,
    userError: output.userError,
    accountFiles: { passwd: identity.passwd, group: identity.group },
    capabilities: {
      effective: capabilityNames(status.capEff),
      permitted: capabilityNames(status.capPrm),
      bounding: capabilityNames(status.capBnd),
      ambient: capabilityNames(status.capAmb),
    },
    noNewPrivs: status.noNewPrivs === 1,
    seccomp: (['disabled', 'strict', 'filter'] as const)[status.seccomp]!,
    paths: rest.paths,
    writableDirs: rest.writableDirs,
    setid: rest.setid,
    fileCaps: rest.fileCaps,
    tools: rest.tools,
    ports: rest.ports,
    walk: rest.walk,
    probe: rest.probe,
  };
}
