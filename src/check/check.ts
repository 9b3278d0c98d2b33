import { describeUserInstruction } from '../dockerfile/describe.js';
import type { DockerfileFacts, ParseOptions } from '../dockerfile/types.js';
import { acquireImage, type BuildCommandRunner, type ImageRequest } from '../source/acquire.js';
import { imageRequest } from './image-request.js';
import { readDockerfile, readPolicy } from './inputs.js';
import { engineFirst, settledLater } from './schedule.js';
import { parseAccounts } from '../facts/accounts.js';
import { makesTheImage } from '../source/docker/early-calls.js';
import { resolveUser } from '../facts/resolve-user.js';
import type { ImageFacts } from '../facts/image.js';
import { kubernetesFacts, readManifests } from '../kubernetes/read.js';
import type { CheckOptions } from '../options/parse.js';
import { evaluate } from '../policy/evaluate.js';
import { effectivePolicy, type EffectivePolicy } from '../policy/effective.js';
import { declaredPorts, portsToProbe } from '../facts/ports.js';
import type { Facts, ProbeStatus } from '../facts/types.js';
import { isPlatform } from '../facts/platform.js';
import type { ProbeResult } from '../probe/probe.js';
import type { EngineInfo, ImageSource } from '../source/types.js';
import { buildReport } from '../report/build.js';
import { combinePlatforms } from '../report/platforms.js';
import { planPlatforms, type PlatformNotChecked } from './platforms.js';
import type { Report } from '../report/types.js';

/** The edges the pipeline talks through; entry points build them, tests can replace them. */
export interface CheckEnvironment {
  /** Where images come from and the probe runs (the docker CLI; a fake in unit tests). */
  source: ImageSource;
  runBuildCommand: BuildCommandRunner;
  /** Progress and build output for a person (stderr for the CLI, the log for the action). */
  log: (text: string) => void;
  /** Folds a long step's output (a build log) under a title; the action uses a log group. */
  group?: <T>(title: string, work: () => Promise<T>) => Promise<T>;
  /** Paths in options are relative to this directory (the repository root on a runner). */
  cwd: string;
  version: string;
  /** Today as YYYY-MM-DD, for ignore expiry; tests pin it. */
  today?: string;
  /** The probe binary to run, instead of the one for the engine's architecture (tests build some with lower limits). */
  probeBinary?: string;
}

/** What the rules judge for one platform of the image. */
export interface VariantFacts {
  facts: Facts;
  /** The digest of this platform's manifest in the image's index; null when it is not an index. */
  manifest: string | null;
  /** Things a person should know about this variant that are not findings. */
  notes: string[];
}

export interface GatheredFacts {
  /** One entry per platform judged, in order; the first is the variant acquired. */
  variants: VariantFacts[];
  /** Platforms of the image that could not be judged, and why. */
  notChecked: PlatformNotChecked[];
  policy: EffectivePolicy;
  /** Things a person should know about the whole check. */
  notes: string[];
}

/** Gets the image, gathers the facts, judges each platform: the whole check, free of @actions/*. */
export async function check(options: CheckOptions, env: CheckEnvironment): Promise<Report> {
  const { variants, notChecked, policy, notes } = await gatherFacts(options, env);
  for (const entry of policy.ignores.filter((ignore) => ignore.expired)) {
    notes.push(
      `the ignore of ${entry.rule}${entry.path ? ` for ${entry.path}` : ''} in ${policy.file} expired on ${entry.expires} and no longer applies (its reason was: ${entry.reason})`,
    );
  }
  const reports = variants.map(({ facts, manifest, notes: variantNotes }) =>
    buildReport(facts, evaluate(facts, policy), policy, env.version, variantNotes, manifest),
  );
  return combinePlatforms(reports, notChecked, notes);
}

/**
 * Everything the rules judge, from the edges: the image source and the Dockerfile, for
 * each platform of the image. An image the check built under a name of its own goes
 * afterwards, unless kept.
 */
export async function gatherFacts(
  options: CheckOptions,
  env: CheckEnvironment,
): Promise<GatheredFacts> {
  const request = imageRequest(options, env.cwd);
  const ownTag =
    request.from === 'build' && !options.image && !options.keepImage ? request.build.tag : null;
  let gathered: GatheredFacts | undefined;
  try {
    gathered = await gatherFactsOf(request, options, env);
    return gathered;
  } finally {
    if (ownTag) {
      // Never in place of the error that ended the check (no engine, no docker binary, …).
      const failed = await env.source
        .removeImage(ownTag)
        .catch((error: unknown) => (error as Error).message);
      // Only worth saying when the image was made: a failed build leaves nothing to remove.
      if (failed && gathered) {
        gathered.notes.push(
          `the check's own tag ${ownTag} could not be removed (${failed}): remove it with \`docker image rm ${ownTag}\``,
        );
      }
    }
  }
}

/** What every platform's facts share: the engine, the policy and the parsed inputs. */
interface SharedInputs {
  engine: EngineInfo;
  dockerfileInput: Awaited<ReturnType<typeof readDockerfile>>;
  parseOptions: ParseOptions | null;
  /** The Dockerfile as read before the build, for the platform `parseOptions` names. */
  draft: DockerfileFacts | null;
  manifests: Awaited<ReturnType<typeof readManifests>>;
  policy: EffectivePolicy;
}

async function gatherFactsOf(
  request: ImageRequest,
  options: CheckOptions,
  env: CheckEnvironment,
): Promise<GatheredFacts> {
  // The engine check and, for an image that should already be here, its inspect (both
  // read-only) run while this process reads and parses the inputs; their failures are
  // reported where they are awaited below, after the inputs' own.
  const engineCheck = settledLater(env.source.engine());
  const waitsForEngine = makesTheImage(options);
  const localImage = waitsForEngine ? undefined : settledLater(env.source.inspect(options.image!));
  // The policy before anything is built or pulled: a bad policy file fails in a second.
  const policy = effectivePolicy(
    await readPolicy(options, env.cwd),
    { preset: options.preset, failOn: options.failOn, probe: options.probe },
    env.today ?? new Date().toISOString().slice(0, 10),
  );
  const requested = options.platform;
  // The engine's answer is needed only to pick the probe: meanwhile read the inputs and,
  // for an image that exists, take its inspect. A build (or --pull) waits for the engine.
  const [engine, inputs] = await engineFirst(
    engineCheck,
    (async () => {
      if (waitsForEngine) await engineCheck;
      // Read and parse the Dockerfile before any build: a bad target or syntax fails in a second.
      const dockerfileInput = await readDockerfile(options, env.cwd);
      const parseOptions: ParseOptions | null = dockerfileInput && {
        path: dockerfileInput.displayPath,
        target: options.target,
        buildArgs: options.buildArgs,
        // Before the engine answers, this machine's platform stands in for the build's.
        platforms: {
          target: requested?.[0] ?? localPlatform(),
          build: localPlatform(),
        },
      };
      const draft =
        dockerfileInput && parseOptions
          ? await parseDockerfile(dockerfileInput.text, parseOptions)
          : null;
      const manifests = await readManifests(options.manifests, options.manifestImage, env.cwd);
      const image = waitsForEngine ? null : await acquireImage(request, env, localImage);
      return { dockerfileInput, parseOptions, draft, manifests, image };
    })(),
  );
  const shared: SharedInputs = { ...inputs, engine, policy };
  const image = inputs.image ?? (await acquireImage(request, env));
  // The image as acquired is judged while its other platforms are listed: on the containerd
  // store the listing reads a `docker save` stream, which a single-platform image (the most
  // common) need not wait for. Its probe is created as inspected, needing no --platform.
  // Both settle before either's error ends the check: the probe's container is removed first.
  const [listed, judged] = await Promise.allSettled([
    planPlatforms(image, requested, env.source, env.log),
    variantFacts(image, shared, options, env),
  ]);
  if (listed.status === 'rejected') throw listed.reason;
  if (judged.status === 'rejected') throw judged.reason;
  const [plan, acquired] = [listed.value, judged.value];
  const variants: VariantFacts[] = [];
  // The others one after the other: each is one container start, and a hostile index must
  // not make the check start many at once.
  for (const { image: variant, manifest } of plan.variants) {
    const gathered =
      variant === image
        ? acquired
        : await variantFacts(variant, shared, options, env, { namePlatform: true });
    variants.push({ ...gathered, manifest });
  }
  return { variants, notChecked: plan.notChecked, policy, notes: plan.notes };
}

/** The facts of one platform's image: its probe, its account files, the Dockerfile as built for it. */
async function variantFacts(
  image: ImageFacts,
  shared: SharedInputs,
  options: CheckOptions,
  env: CheckEnvironment,
  /** Create the probe's container with `--platform` of this variant (another than the one inspected). */
  { namePlatform = false } = {},
): Promise<Omit<VariantFacts, 'manifest'>> {
  const { engine, dockerfileInput, parseOptions, manifests, policy } = shared;
  const notes: string[] = [];
  // Whether the image is the platform asked for (a multi-platform image gave that variant).
  const platformMet = options.platform
    ? options.platform.some((platform) => isPlatform(image.platform, platform))
    : null;
  // The image's platform is the one it was built for; the engine's is the build's.
  const platforms = { target: image.platform, build: `linux/${engine.arch}` };
  // The draft read before the build serves when it was read for this platform (the usual case).
  const draft =
    dockerfileInput && parseOptions
      ? parseOptions.platforms?.target === platforms.target &&
        parseOptions.platforms.build === platforms.build
        ? shared.draft
        : await parseDockerfile(dockerfileInput.text, { ...parseOptions, platforms })
      : null;
  const ports = declaredPorts(image, policy.portVariables);
  // The variant judged, when the image holds several: a multi-platform image's files differ.
  const variant = platformMet || namePlatform ? image.platform : undefined;
  // One container start: the probe, which also returns the account files; the base ENV
  // comes meanwhile. The source reads the account files itself only when the probe gave
  // none (it failed once started, or no container could be made).
  const [baseEnv, probe] = await Promise.all([
    draft ? baseImageEnv(draft, image, env.source, notes) : undefined,
    env.source.runProbe({
      image,
      ports: portsToProbe(ports),
      engineArch: engine.arch,
      binary: env.probeBinary,
      platform: variant,
    }),
  ]);
  notes.push(...probe.notes);
  const accountFiles =
    probe.accountFiles ?? (await env.source.readAccountFiles(image.ref, variant));
  const dockerfile =
    dockerfileInput && parseOptions && draft
      ? await parseDockerfile(dockerfileInput.text, { ...parseOptions, baseEnv, platforms })
      : null;
  if (dockerfile) notes.push(...compareUser(dockerfile, image));
  if (platformMet === false) {
    notes.push(
      `platform ${options.platform!.join(', ')} was asked for but the image is ${image.platform}: the findings are about the ${image.platform} image`,
    );
  }
  const imageArch = image.platform.split('/')[1];
  if (imageArch && imageArch !== engine.arch) {
    // The probe is the engine's architecture and needs nothing from the image, so this is not a gap.
    notes.push(
      `the image is ${image.platform} and the Docker engine linux/${engine.arch}: the probe ran as a linux/${engine.arch} binary, which uses nothing of the image's own, so the findings hold for the ${image.platform} image`,
    );
  }

  const accounts = parseAccounts(accountFiles);
  notes.push(...accounts.notes);
  const user = resolveUser(image.user, accounts);
  notes.push(...user.olderEngines);
  return {
    facts: {
      image,
      accounts,
      user,
      dockerfile,
      ports,
      runtime: probe.ok ? probe.output : null,
      probe: probeStatus(probe),
      kubernetes: manifests && kubernetesFacts(manifests, image),
    },
    notes,
  };
}

/** This machine as a platform, in Docker's words (`linux/amd64`). */
function localPlatform(): string {
  const arch = (
    { x64: 'amd64', arm64: 'arm64', arm: 'arm', ia32: '386' } as Record<string, string>
  )[process.arch];
  return `linux/${arch ?? process.arch}`;
}

/** dockerfile-ast is a chunk of its own, loaded only by checks that have a Dockerfile. */
async function parseDockerfile(text: string, options: ParseOptions): Promise<DockerfileFacts> {
  const parser = await import('../dockerfile/parse.js');
  return parser.parseDockerfile(text, options);
}

function probeStatus(probe: ProbeResult): ProbeStatus {
  if (!probe.ok) return { status: 'failed', reason: probe.reason };
  if (probe.output.userError) {
    return {
      status: 'user-error',
      reason: `the container cannot start as the image's user: ${probe.output.userError}`,
    };
  }
  return { status: 'ok', elapsedMs: probe.elapsedMs };
}

/**
 * ENV of the Dockerfile's base image, so `USER $APP_UID` resolves as the
 * builder resolved it. The base is local after a classic build; when it is
 * not, the checked image's own ENV (which contains the base's) stands in.
 */
async function baseImageEnv(
  draft: DockerfileFacts,
  image: ImageFacts,
  source: ImageSource,
  notes: string[],
): Promise<Record<string, string>> {
  if (draft.rootBase === 'scratch') return {};
  const base = await source.inspect(draft.rootBase);
  if (base) return base.env;
  notes.push(
    `the base image ${draft.rootBase} is not available locally; the checked image's ENV stands in for it when resolving variables in the Dockerfile`,
  );
  return image.env;
}

/** A Dockerfile given with --image may not be the one the image was built from: say so. */
function compareUser(dockerfile: DockerfileFacts, image: ImageFacts): string[] {
  const user = dockerfile.effectiveUser;
  if (user && user.value !== image.user) {
    return [
      `${dockerfile.path}:${user.line} sets ${describeUserInstruction(user)} but the image's user is "${image.user}": was the image built from this Dockerfile? Findings judge the image.`,
    ];
  }
  return [];
}
