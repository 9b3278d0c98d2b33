import { createRequire as __nrgCreateRequire } from 'node:module'; const require = __nrgCreateRequire(import.meta.url);
import {
  API_PATHS,
  API_TIMEOUT_MS,
  BoundedBuffer,
  CLI_FLAGS,
  COMMENT_MODES,
  CommandNotFoundError,
  FLAGS,
  FLAG_OPTIONS,
  apiRequest,
  engineCall,
  engineMessage,
  imageStoreCall,
  inspectCall,
  lastLines,
  localEngineSocket,
  makesTheImage,
  runCommand
} from "./chunk-5J2HYNK7.js";
import {
  DEFAULT_POLICY,
  DEFAULT_POLICY_PATH,
  FAIL_ON,
  NO_ALLOWANCES,
  PRESETS,
  PROBE_MODES,
  RULES,
  _default,
  _enum,
  _gte,
  _lte,
  _maxLength,
  _minLength,
  _nonnegative,
  _regex,
  _trim,
  array,
  boolean,
  capabilityNames,
  config,
  describeUserInstruction,
  en_default,
  execUser,
  int,
  listSome,
  literal,
  nearest,
  nullable,
  nullish,
  number,
  object,
  olderEngineNotes,
  optional,
  parseUserSpec,
  pipe,
  record,
  refine,
  strictObject,
  string,
  transform,
  union,
  unknown
} from "./chunk-74VNCDAM.js";
import {
  parseAccounts
} from "./chunk-GCD4YOJZ.js";
import "./chunk-QMRDCHHF.js";
import {
  CheckError,
  describeError
} from "./chunk-ACNRZZWL.js";
import "./chunk-LOBMMHTG.js";

// src/shared/files.ts
import { randomBytes } from "node:crypto";
import { constants } from "node:fs";
import { lstat, open, rename, rm, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
var INPUT_FILE_LIMIT = 16 * 1024 * 1024;
function kindOf(stats) {
  if (stats.isFIFO()) return "a FIFO";
  if (stats.isDirectory()) return "a directory";
  if (stats.isCharacterDevice()) return "a character device";
  if (stats.isBlockDevice()) return "a block device";
  if (stats.isSocket()) return "a socket";
  return "not a regular file";
}
var MissingFileError = class extends Error {
  constructor(path2) {
    super(`${path2}: no such file`);
    this.path = path2;
  }
  path;
};
async function readInputFile(path2, what, maxBytes, hint) {
  let handle;
  try {
    handle = await open(path2, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (error) {
    const code = error.code;
    if (code === "ENOENT") throw new MissingFileError(path2);
    throw new CheckError("input", `cannot read ${what}: ${code ?? error.message}`, hint);
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) {
      throw new CheckError("input", `${what} is ${kindOf(stats)}, not a regular file`, hint);
    }
    if (stats.size > maxBytes) {
      throw new CheckError(
        "input",
        `${what} is ${stats.size} bytes, over the ${maxBytes}-byte limit`,
        hint
      );
    }
    const buffer = Buffer.alloc(Math.min(stats.size, maxBytes) + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > maxBytes) {
      throw new CheckError(
        "input",
        `${what} grew past the ${maxBytes}-byte limit while it was read`,
        hint
      );
    }
    return buffer.subarray(0, length).toString("utf8");
  } finally {
    await handle.close();
  }
}
async function writeFileWhole(path2, text3, what) {
  const hint = `Give ${what} a path to a file in a directory that exists and can be written.`;
  const existing = await lstat(path2).catch(() => null);
  if (existing && !existing.isFile()) {
    throw new CheckError("usage", `cannot write ${what} ${path2}: it is ${kindOf(existing)}`, hint);
  }
  const directory = dirname(path2);
  const parent = await stat(directory).catch(() => null);
  if (!parent?.isDirectory()) {
    throw new CheckError(
      "usage",
      `cannot write ${what} ${path2}: the directory ${directory} does not exist`,
      hint
    );
  }
  const temporary = join(directory, `.${basename(path2)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    const handle = await open(
      temporary,
      constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL,
      420
    );
    try {
      await handle.writeFile(text3);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path2);
  } catch (error) {
    await rm(temporary, { force: true });
    const code = error.code;
    throw new CheckError(
      "usage",
      `cannot write ${what} ${path2}: ${code === "ENOSPC" ? "no space left on the device" : code ?? error.message}`,
      code === "ENOSPC" ? "Free space on that device, or write the report elsewhere." : hint
    );
  }
}

// src/cli/command-line.ts
import { parseArgs } from "node:util";

// src/source/acquire.ts
import { randomBytes as randomBytes2 } from "node:crypto";

// src/facts/platform.ts
function isPlatform(imagePlatform, asked) {
  return `${imagePlatform}/`.startsWith(`${asked}/`);
}

// src/source/acquire.ts
function uniqueLocalTag() {
  return `nonroot-guard-check:${Date.now().toString(36)}-${randomBytes2(4).toString("hex")}`;
}
async function acquireImage(request, env, localImage) {
  const { source } = env;
  const inGroup = env.group ?? ((title, work) => {
    env.log(`${title}
`);
    return work();
  });
  if (request.from === "build-command") {
    const { command, image } = request;
    const result = await inGroup(
      `Running the build command: ${command}`,
      () => env.runBuildCommand(command, request.directory, env.log)
    );
    if (result.exitCode !== 0) {
      throw new CheckError(
        "image",
        `the build command failed (exit code ${result.exitCode}): ${command}`,
        "Fix the build; the command must succeed when run by hand in the same directory.",
        `last lines of its output:
${lastLines(result.output, 25)}`
      );
    }
    const facts2 = await source.inspect(image);
    if (!facts2) {
      throw new CheckError(
        "image",
        `the build command succeeded but image ${image} does not exist`,
        "Make the command tag the image you named (for dotnet publish: -p:ContainerRepository and -p:ContainerImageTag), or correct the image input."
      );
    }
    return facts2;
  }
  if (request.from === "build") {
    const { tag } = request.build;
    await inGroup(
      `Building ${tag} from ${request.shownContext}`,
      () => source.build({ ...request.build, onOutput: env.log })
    );
    const facts2 = await source.inspect(tag);
    if (!facts2)
      throw new CheckError(
        "image",
        `docker build succeeded but ${tag} is not in the local image store`,
        "Retry; if it persists, check the builder (a remote buildx builder needs --load)."
      );
    return facts2;
  }
  const { image: ref, platform } = request;
  if (request.pull) {
    env.log(`Pulling ${ref}
`);
    await source.pull(ref, platform);
  } else {
    const local = await (localImage ?? source.inspect(ref));
    if (local) return forPlatform(source, local, platform);
    env.log(`${ref} is not present locally; pulling it
`);
    await pullMissing(source, ref, platform);
  }
  const facts = await source.inspect(ref);
  if (!facts)
    throw new CheckError(
      "image",
      `pulled ${ref} but it is not in the local image store`,
      "Retry the check."
    );
  return forPlatform(source, facts, platform);
}
async function forPlatform(source, facts, platform) {
  if (!platform || isPlatform(facts.platform, platform)) return facts;
  return await source.inspectPlatform(facts, platform) ?? facts;
}
async function pullMissing(source, ref, platform) {
  try {
    await source.pull(ref, platform);
  } catch (error) {
    if (!(error instanceof CheckError)) throw error;
    throw new CheckError(
      error.kind,
      `image ${ref} is not present locally and could not be pulled: ${error.message}`,
      `${error.hint ?? ""} If an earlier step builds it, check the tag it uses; to build it in this step, give a build context (input "context", flag --context).`.trim(),
      error.details
    );
  }
}

// src/check/image-request.ts
import { resolve } from "node:path";
function imageRequest(options, cwd) {
  if (options.buildCommand) {
    return {
      from: "build-command",
      command: options.buildCommand,
      directory: resolve(cwd, options.context ?? "."),
      image: options.image
    };
  }
  if (options.context) {
    return {
      from: "build",
      shownContext: options.context,
      build: {
        context: resolve(cwd, options.context),
        dockerfile: options.dockerfile && resolve(cwd, options.dockerfile),
        target: options.target,
        buildArgs: options.buildArgs,
        // Several platforms build one multi-platform image (BuildKit with the containerd store).
        platform: options.platform?.join(","),
        pull: options.pull,
        secrets: options.secrets,
        secretFiles: Object.fromEntries(
          Object.entries(options.secretFiles).map(([id, path2]) => [id, resolve(cwd, path2)])
        ),
        ssh: options.ssh,
        tag: options.image ?? uniqueLocalTag()
      }
    };
  }
  return {
    from: "existing",
    image: options.image,
    pull: options.pull,
    // The first platform asked for; the others are pulled by digest once the image is here.
    platform: options.platform?.[0]
  };
}

// src/check/inputs.ts
import { isAbsolute, join as join2, relative, resolve as resolve2, sep } from "node:path";
async function readPolicy(options, cwd) {
  const path2 = resolve2(cwd, options.policy ?? DEFAULT_POLICY_PATH);
  const shown = options.policy ?? DEFAULT_POLICY_PATH;
  const hint = "Check the policy path; it is relative to the repository root.";
  let text3;
  try {
    text3 = await readInputFile(path2, `the policy file ${shown}`, INPUT_FILE_LIMIT, hint);
  } catch (error) {
    if (!(error instanceof MissingFileError)) throw error;
    if (!options.policy) return null;
    throw new CheckError("input", `cannot read the policy file ${shown}: no such file`, hint);
  }
  const { parsePolicy } = await import("./chunk-AWBEOAXA.js");
  return parsePolicy(text3, displayPath(cwd, path2));
}
function displayPath(cwd, path2) {
  const rel = relative(cwd, path2);
  return isAbsolute(rel) || rel.startsWith("..") ? path2 : rel.split(sep).join("/");
}
async function readDockerfile(options, cwd) {
  const given = options.dockerfile;
  if (!given && !options.context) return null;
  const path2 = given ? resolve2(cwd, given) : join2(resolve2(cwd, options.context), "Dockerfile");
  const hint = given ? "Check the dockerfile path; it is relative to the working directory (the repository root in a workflow)." : "Put a Dockerfile in the build context or name it with the dockerfile input (--dockerfile).";
  let text3;
  try {
    text3 = await readInputFile(path2, `the Dockerfile ${path2}`, INPUT_FILE_LIMIT, hint);
  } catch (error) {
    if (!(error instanceof MissingFileError)) throw error;
    if (!given && options.buildCommand) return null;
    throw new CheckError("input", `cannot read the Dockerfile ${path2}: no such file`, hint);
  }
  return { displayPath: displayPath(cwd, path2), text: text3 };
}

// src/check/schedule.ts
function settledLater(promise) {
  promise.catch(() => {
  });
  return promise;
}
async function engineFirst(engine, work) {
  const [engineResult, workResult] = await Promise.allSettled([engine, work]);
  if (engineResult.status === "rejected") throw engineResult.reason;
  if (workResult.status === "rejected") throw workResult.reason;
  return [engineResult.value, workResult.value];
}

// src/facts/resolve-user.ts
function resolveUser(configUser, accounts) {
  const spec = parseUserSpec(configUser);
  const outcome = execUser(configUser, accounts);
  const olderEngines = olderEngineNotes(configUser, accounts, outcome);
  if (!outcome.ok) {
    return {
      spec,
      uid: null,
      gid: null,
      groups: null,
      gidSource: null,
      entry: outcome.entry,
      groupEntry: null,
      startError: outcome.error,
      startErrorKind: outcome.kind,
      unknownUser: outcome.kind === "unknown-user" ? outcome.error : null,
      unknownGroup: outcome.kind === "unknown-group" ? outcome.error : null,
      olderEngines
    };
  }
  const hasGroupPart = spec.kind !== "none" && spec.group !== null;
  const entry = outcome.entry ?? accounts.passwd?.find((candidate) => candidate.uid === BigInt(outcome.uid)) ?? null;
  const groupEntry = outcome.groupEntry ?? accounts.group?.find((candidate) => candidate.gid === BigInt(outcome.gid)) ?? null;
  return {
    spec,
    uid: outcome.uid,
    gid: outcome.gid,
    groups: outcome.groups,
    gidSource: hasGroupPart ? "user-spec" : outcome.entry ? "passwd" : "no-passwd-entry",
    entry,
    groupEntry,
    startError: null,
    startErrorKind: null,
    unknownUser: null,
    unknownGroup: null,
    olderEngines
  };
}

// src/kubernetes/read.ts
import { glob } from "node:fs/promises";
import { isAbsolute as isAbsolute2, relative as relative2, resolve as resolve3, sep as sep2 } from "node:path";

// src/source/reference.ts
var DEFAULT_REGISTRY = "docker.io";
var LEGACY_DEFAULT_REGISTRY = "index.docker.io";
var OFFICIAL_NAMESPACE = "library/";
var MAX_REPOSITORY_LENGTH = 255;
var PATH_COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
var REPOSITORY = new RegExp(`^${PATH_COMPONENT}(?:/${PATH_COMPONENT})*$`);
var DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
var REGISTRY = new RegExp(
  `^(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?$`
);
var TAG = /^\w[\w.-]{0,127}$/;
var DIGEST_HEX_LENGTHS = /* @__PURE__ */ new Map([
  ["sha256", 64],
  ["sha384", 96],
  ["sha512", 128]
]);
var IMAGE_ID = /^[a-f0-9]{64}$/;
function isDigest(digest) {
  const [algorithm, hex2, ...rest] = digest.split(":");
  const length = DIGEST_HEX_LENGTHS.get(algorithm ?? "");
  return rest.length === 0 && length !== void 0 && new RegExp(`^[a-f0-9]{${length}}$`).test(hex2 ?? "");
}
function splitRegistry(name) {
  const slash = name.indexOf("/");
  let registry = DEFAULT_REGISTRY;
  let repository = name;
  if (slash !== -1) {
    const first = name.slice(0, slash);
    if (first === "localhost" || /[.:]/.test(first) || first.toLowerCase() !== first) {
      registry = first === LEGACY_DEFAULT_REGISTRY ? DEFAULT_REGISTRY : first;
      repository = name.slice(slash + 1);
    }
  }
  if (registry === DEFAULT_REGISTRY && !repository.includes("/")) {
    repository = OFFICIAL_NAMESPACE + repository;
  }
  return { registry, repository };
}
function parseImageRef(ref) {
  if (IMAGE_ID.test(ref)) return null;
  const at = ref.indexOf("@");
  const named = at === -1 ? ref : ref.slice(0, at);
  const digest = at === -1 ? null : ref.slice(at + 1);
  const colon = named.lastIndexOf(":");
  const hasTag = colon > named.lastIndexOf("/");
  const name = hasTag ? named.slice(0, colon) : named;
  const tag = hasTag ? named.slice(colon + 1) : null;
  const { registry, repository } = splitRegistry(name);
  if (!REGISTRY.test(registry) || !REPOSITORY.test(repository)) return null;
  if (repository.length > MAX_REPOSITORY_LENGTH) return null;
  if (tag !== null && !TAG.test(tag)) return null;
  if (digest !== null && !isDigest(digest)) return null;
  return { registry, repository, tag: tag ?? (digest === null ? "latest" : null), digest };
}
function isImageReference(text3) {
  return parseImageRef(text3) !== null || IMAGE_ID.test(text3) || /^sha256:[a-f0-9]{64}$/.test(text3);
}
function sameRepository(a, b) {
  return a.registry === b.registry && a.repository === b.repository;
}
function imageMatches(containerImage, checked) {
  const container = parseImageRef(containerImage);
  if (!container) return false;
  const parseAll = (refs2) => refs2.flatMap((ref) => parseImageRef(ref) ?? []).filter((ref) => sameRepository(ref, container));
  if (parseAll(checked.anyTagOf ?? []).length > 0) return true;
  const refs = parseAll(checked.refs);
  if (container.digest !== null) {
    return [...refs, ...parseAll(checked.digests)].some((ref) => ref.digest === container.digest);
  }
  return refs.some((ref) => ref.tag !== null && ref.tag === container.tag);
}

// src/kubernetes/read.ts
var MAX_GLOB_VISITS = 1e5;
var MAX_MANIFEST_FILES = 1e3;
var GLOB_HINT = "Narrow the glob to the manifests' own folder, relative to the repository root, e.g. deploy/**/*.yaml.";
var MANIFEST_LIMIT = 16 * 1024 * 1024;
async function readManifests(globs, manifestImage, cwd) {
  if (globs.length === 0) return null;
  const namedAs = manifestImage ? manifestImagePattern(manifestImage) : null;
  const files = await expandGlobs(globs, cwd);
  const { parseManifests } = await import("./chunk-HLPSJRNE.js");
  const sources = {};
  const containers = [];
  for (const file of files) {
    const text3 = await readInputFile(
      resolve3(cwd, file),
      `the manifest ${file}`,
      MANIFEST_LIMIT,
      "Point manifests at the workload files themselves."
    );
    sources[file] = text3;
    containers.push(...parseManifests(text3, file));
  }
  return { files, sources, containers, namedAs };
}
function kubernetesFacts(manifests, image) {
  const checked = manifests.namedAs ?? { refs: [image.ref], digests: image.repoDigests };
  const facts = {
    files: manifests.files,
    sources: manifests.sources,
    containers: [],
    otherImages: []
  };
  for (const container of manifests.containers) {
    if (imageMatches(container.image.value, checked)) facts.containers.push(container);
    else facts.otherImages.push(container.image.value);
  }
  return facts;
}
function manifestImagePattern(manifestImage) {
  if (!parseImageRef(manifestImage)) {
    throw new CheckError(
      "usage",
      `manifest-image: "${manifestImage}" is not an image reference`,
      "Write it as the manifests do, e.g. ghcr.io/org/app:1.2, or ghcr.io/org/app for any tag."
    );
  }
  const tagless = !/[:@][^/]*$/.test(manifestImage);
  return tagless ? { refs: [], digests: [], anyTagOf: [manifestImage] } : { refs: [manifestImage], digests: [] };
}
async function expandGlobs(globs, cwd) {
  const found = /* @__PURE__ */ new Set();
  for (const pattern of globs) {
    let matched = 0;
    let visited = 0;
    let stopped = false;
    const exclude = () => stopped ||= ++visited > MAX_GLOB_VISITS;
    for await (const entry of glob(pattern, { cwd, withFileTypes: true, exclude })) {
      if (!entry.isFile()) continue;
      if (matched >= MAX_MANIFEST_FILES) {
        throw new CheckError(
          "usage",
          `manifests: "${pattern}" matches more than ${MAX_MANIFEST_FILES} files`,
          GLOB_HINT
        );
      }
      const absolute = resolve3(entry.parentPath, entry.name);
      const shown = relative2(cwd, absolute).split(sep2).join("/");
      found.add(isAbsolute2(pattern) && shown.startsWith("..") ? absolute : shown);
      matched++;
    }
    if (stopped) {
      throw new CheckError(
        "usage",
        `manifests: "${pattern}" made the search look at more than ${MAX_GLOB_VISITS} entries`,
        GLOB_HINT
      );
    }
    if (matched === 0) {
      throw new CheckError(
        "usage",
        `manifests: "${pattern}" matches no file`,
        "Give paths or globs relative to the repository root, e.g. deploy/*.yaml or k8s/**/*.yml."
      );
    }
  }
  return [...found].sort();
}

// src/policy/evaluate.ts
import { posix } from "node:path";
var SEVERITY_ORDER = { error: 0, warning: 1, notice: 2 };
function compareFindings(a, b) {
  return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.rule.localeCompare(b.rule);
}
function unavailable(kind, facts) {
  const probe = facts.probe;
  switch (kind) {
    case "image":
    case "accounts":
      return null;
    case "dockerfile":
      return facts.dockerfile ? null : "no Dockerfile was given";
    case "filesystem":
      return probe.status === "failed" ? probe.reason : null;
    case "runtime-user":
      return probe.status === "ok" ? null : probe.reason;
    case "manifests":
      return manifestsUnavailable(facts);
  }
}
function manifestsUnavailable({ kubernetes }) {
  if (!kubernetes) return "no manifests given";
  if (kubernetes.containers.length > 0) return null;
  const files = `${kubernetes.files.length} manifest file${kubernetes.files.length === 1 ? "" : "s"}`;
  const others = kubernetes.otherImages.length ? ` (they run ${[...new Set(kubernetes.otherImages)].slice(0, 5).join(", ")})` : "";
  return `no container in ${files} runs this image${others}: set manifest-image to the image as the manifests name it`;
}
function evaluate(facts, policy, rules = RULES) {
  const raised = [];
  const context = { allow: policy.allow ?? NO_ALLOWANCES };
  const skipped = [];
  for (const rule of rules) {
    const level = policy.levels?.[rule.id] ?? rule.levels[policy.preset];
    if (level === "off") continue;
    const reason = rule.needs.map((kind) => unavailable(kind, facts)).find((why) => why);
    if (reason) {
      skipped.push({ rule: rule.id, reason });
      continue;
    }
    for (const { atMost, ...hit } of rule.evaluate(facts, context)) {
      const severity = atMost && SEVERITY_ORDER[atMost] > SEVERITY_ORDER[level] ? atMost : level;
      raised.push({ rule: rule.id, name: rule.name, severity, ...hit });
    }
  }
  const { kept: findings, ignored } = applyIgnores(raised, policy.ignores ?? []);
  findings.sort(compareFindings);
  const counts = { error: 0, warning: 0, notice: 0 };
  for (const finding of findings) counts[finding.severity]++;
  const failed = policy.failOn === "error" ? counts.error > 0 : policy.failOn === "warning" ? counts.error + counts.warning > 0 : false;
  const blocked = facts.probe.status !== "ok" && policy.probe === "required" ? facts.probe.status === "failed" ? `the probe could not run, and the policy requires it: ${facts.probe.reason}` : `the probe could not measure as the image's user, and the policy requires it: ${facts.probe.reason}` : null;
  return {
    verdict: failed || blocked ? "fail" : "pass",
    blocked,
    findings,
    ignored,
    skipped,
    counts
  };
}
function matches(entry, finding) {
  if (entry.expired || entry.rule !== finding.rule) return false;
  if (entry.path === null) return true;
  return finding.location !== null && posix.matchesGlob(finding.location.file, entry.path);
}
function applyIgnores(findings, ignores) {
  const ignored = /* @__PURE__ */ new Map();
  const kept = findings.filter((finding) => {
    const entry = ignores.find((candidate) => matches(candidate, finding));
    if (!entry) return true;
    ignored.set(entry, (ignored.get(entry) ?? 0) + 1);
    return false;
  });
  return {
    kept,
    ignored: [...ignored].map(([entry, count]) => ({
      rule: entry.rule,
      path: entry.path,
      reason: entry.reason,
      expires: entry.expires,
      count
    }))
  };
}

// src/policy/effective.ts
var byKey = new Map(
  RULES.flatMap((rule) => [[rule.id, rule], [rule.name, rule]])
);
function effectivePolicy(file, inputs, today) {
  const policy = file?.policy ?? DEFAULT_POLICY;
  const preset = inputs.preset ?? policy.preset;
  const presetSource = inputs.preset ? "input" : file?.presetGiven ? "file" : "default";
  const levels = {};
  for (const rule of RULES) levels[rule.id] = rule.levels[preset];
  const overrides = [];
  for (const [key, level] of Object.entries(policy.rules)) {
    const rule = byKey.get(key);
    if (!rule || level === void 0) continue;
    levels[rule.id] = level;
    overrides.push({ rule: rule.id, name: rule.name, preset: rule.levels[preset], level });
  }
  return {
    preset,
    presetSource,
    file: file?.path ?? null,
    failOn: inputs.failOn,
    probe: inputs.probe,
    levels,
    overrides,
    ignores: policy.ignore.map((entry) => ({
      rule: byKey.get(entry.rule).id,
      path: entry.path ?? null,
      reason: entry.reason,
      expires: entry.expires ?? null,
      expired: entry.expires !== void 0 && entry.expires <= today
    })),
    allow: {
      writable: policy["allow-writable"],
      setid: policy["allow-setid"],
      incompleteWalk: policy["allow-incomplete-walk"],
      ports: policy.ports.allow
    },
    portVariables: policy.ports.variables
  };
}

// src/facts/ports.ts
var PORT_VARIABLES = [
  "ASPNETCORE_URLS",
  "ASPNETCORE_HTTP_PORTS",
  "ASPNETCORE_HTTPS_PORTS",
  "PORT"
];
function portNumber(text3) {
  if (!/^\d{1,5}$/.test(text3.trim())) return null;
  const port = Number(text3.trim());
  return port >= 1 && port <= 65535 ? port : null;
}
function portsFromUrls(value) {
  const ports = [];
  for (const raw of value.split(";")) {
    const url = raw.trim();
    const match = /^(https?):\/\/(\[[^\]]*\]|[^/:]*)(?::([^/]*))?/i.exec(url);
    if (!match) continue;
    const explicit = match[3] === void 0 ? null : portNumber(match[3]);
    if (match[3] !== void 0 && explicit === null) continue;
    ports.push(explicit ?? (match[1].toLowerCase() === "https" ? 443 : 80));
  }
  return ports;
}
function fromVariable(name, value) {
  if (name === "ASPNETCORE_URLS") return portsFromUrls(value);
  return value.split(";").map(portNumber).filter((port) => port !== null);
}
function declaredPorts(image, extraVariables = []) {
  const ports = [];
  for (const exposed of image.exposedPorts) {
    const [number2 = "", protocol = "tcp"] = exposed.split("/");
    const port = portNumber(number2);
    if (port !== null && (protocol === "tcp" || protocol === "udp")) {
      ports.push({ port, protocol, source: "EXPOSE", declaration: `EXPOSE ${exposed}` });
    }
  }
  const env = image.env;
  const urlsSet = env["ASPNETCORE_URLS"] !== void 0 && env["ASPNETCORE_URLS"].trim() !== "";
  for (const name of [...PORT_VARIABLES, ...extraVariables]) {
    const value = env[name];
    if (value === void 0) continue;
    if (urlsSet && (name === "ASPNETCORE_HTTP_PORTS" || name === "ASPNETCORE_HTTPS_PORTS"))
      continue;
    for (const port of fromVariable(name, value)) {
      ports.push({ port, protocol: "tcp", source: name, declaration: `${name}=${value}` });
    }
  }
  return ports;
}
function portsToProbe(ports) {
  return [...new Set(ports.map((port) => `${port.port}/${port.protocol}`))];
}

// src/report/build.ts
function buildReport(facts, evaluation, policy, version, notes, manifest = null) {
  const { image, user, dockerfile } = facts;
  const userReport = {
    config: image.user,
    uid: user.uid,
    gid: user.gid,
    groups: user.groups,
    name: user.entry?.name ?? null,
    home: user.entry?.home ?? (user.uid !== null ? "/" : null),
    startError: user.startError
  };
  return {
    schemaVersion: 1,
    tool: { name: "nonroot-guard", version },
    verdict: evaluation.verdict,
    blocked: evaluation.blocked,
    image,
    dockerfile: dockerfile && {
      path: dockerfile.path,
      finalStage: {
        name: dockerfile.finalStage.name,
        line: dockerfile.finalStage.line,
        base: dockerfile.finalStage.base
      },
      user: dockerfile.effectiveUser && {
        line: dockerfile.effectiveUser.line,
        raw: dockerfile.effectiveUser.raw,
        value: dockerfile.effectiveUser.value
      }
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
      allow: { ...policy.allow, portVariables: policy.portVariables }
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
        probe: facts.probe
      }
    ],
    notes
  };
}
function runtimeReport(output) {
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
      ambient: capabilityNames(status.capAmb)
    },
    noNewPrivs: status.noNewPrivs === 1,
    seccomp: ["disabled", "strict", "filter"][status.seccomp],
    paths: rest.paths,
    writableDirs: rest.writableDirs,
    setid: rest.setid,
    fileCaps: rest.fileCaps,
    tools: rest.tools,
    ports: rest.ports,
    walk: rest.walk,
    probe: rest.probe
  };
}

// src/report/platforms.ts
function combinePlatforms(reports, notChecked, notes) {
  const [first] = reports;
  if (!first) throw new Error("combinePlatforms needs at least one report");
  const several = reports.length > 1;
  const findings = [];
  const byKey2 = /* @__PURE__ */ new Map();
  for (const report of reports) {
    for (const finding of report.findings) {
      const { platforms: platforms2, ...rest } = finding;
      const key = JSON.stringify(rest);
      const seen = byKey2.get(key);
      if (seen) {
        seen.platforms = [
          ...seen.platforms,
          ...platforms2.filter((p) => !seen.platforms.includes(p))
        ];
      } else {
        const copy = { ...finding, platforms: [...platforms2] };
        byKey2.set(key, copy);
        findings.push(copy);
      }
    }
  }
  findings.sort(compareFindings);
  const summary = { error: 0, warning: 0, notice: 0 };
  for (const finding of findings) summary[finding.severity]++;
  const ignored = /* @__PURE__ */ new Map();
  for (const entry of reports.flatMap((report) => report.policy.ignored)) {
    const key = JSON.stringify([entry.rule, entry.path, entry.reason, entry.expires]);
    const seen = ignored.get(key);
    if (seen) seen.count += entry.count;
    else ignored.set(key, { ...entry });
  }
  const skipped = /* @__PURE__ */ new Map();
  for (const entry of reports.flatMap((report) => report.skipped)) {
    const key = JSON.stringify([entry.rule, entry.reason]);
    if (!skipped.has(key)) skipped.set(key, entry);
  }
  const blocked = reports.filter((report) => report.blocked);
  return {
    ...first,
    verdict: reports.some((report) => report.verdict === "fail") ? "fail" : "pass",
    blocked: blocked.length === 0 ? null : several ? blocked.map((report) => `${report.image.platform}: ${report.blocked}`).join("; ") : first.blocked,
    policy: { ...first.policy, ignored: [...ignored.values()] },
    summary,
    findings,
    skipped: [...skipped.values()],
    platforms: [
      ...reports.flatMap((report) => report.platforms),
      ...notChecked.map((entry) => ({
        platform: entry.platform,
        verdict: "not-checked",
        reason: entry.reason,
        manifest: null,
        summary: null,
        user: null,
        probe: null
      }))
    ],
    notes: [
      ...platformNotes(reports, several),
      ...notChecked.map((entry) => `platform ${entry.platform} was not checked: ${entry.reason}`),
      ...notes
    ]
  };
}
function platformNotes(reports, several) {
  if (!several) return [...reports[0].notes];
  const everywhere = (note) => reports.every((report) => report.notes.includes(note));
  const out = [];
  for (const report of reports) {
    for (const note of report.notes) {
      const line = everywhere(note) ? note : `${report.image.platform}: ${note}`;
      if (!out.includes(line)) out.push(line);
    }
  }
  return out;
}

// src/check/platforms.ts
var MAX_PLATFORMS = 16;
async function planPlatforms(image, requested, source, log) {
  const listing = await source.platforms(image);
  const notes = [];
  const notChecked = [];
  if (listing.kind !== "index" || listing.platforms.length === 0) {
    if (listing.kind === "unreadable") {
      notes.push(
        `the platforms of ${image.ref} could not be listed (${listing.reason}): only ${image.platform} was checked`
      );
    }
    if (listing.kind === "one-per-tag" && !requested && image.repoDigests.length > 0) {
      notes.push(
        `the classic image store keeps one platform of an image: ${image.platform} was checked; other platforms ${image.ref} has in its registry were not (name each with platform, or use the containerd image store, which keeps them all)`
      );
    }
    const variants2 = [{ image, manifest: null }];
    for (const platform of (requested ?? []).slice(1)) {
      if (isPlatform(image.platform, platform)) continue;
      const variant = await source.inspectPlatform(image, platform);
      if (variant) variants2.push({ image: variant, manifest: null });
      else
        notChecked.push({
          platform,
          reason: listing.kind === "one-per-tag" ? `the classic image store keeps one platform of ${image.ref}, and it is ${image.platform}` : `${image.ref} has no ${platform} variant`
        });
    }
    return { variants: variants2, notChecked, notes };
  }
  if (listing.unusable.length > 0) {
    notes.push(
      `the image's index names platforms that are not platforms Docker can run, so they were not checked: ${listing.unusable.join(", ")}`
    );
  }
  const targets = requested ? requested.flatMap((platform) => {
    const listed = listing.platforms.find((entry) => isPlatform(entry.platform, platform));
    if (!listed)
      notChecked.push({ platform, reason: `${image.ref} has no ${platform} variant` });
    return listed ? [{ ...listed, platform }] : [];
  }) : listing.platforms;
  if (!requested && targets.length > MAX_PLATFORMS) {
    throw new CheckError(
      "image",
      `${image.ref} holds ${targets.length} platforms; more than ${MAX_PLATFORMS} are not checked by default`,
      "Name the platforms to check (input `platform`, CLI --platform, comma-separated)."
    );
  }
  const variants = [];
  for (const { platform, manifest } of targets) {
    if (isPlatform(image.platform, platform)) {
      variants.push({ image, manifest });
      continue;
    }
    const variant = await source.inspectPlatform(image, platform) ?? await pullVariant(image, platform, source, log);
    if (typeof variant === "string") notChecked.push({ platform, reason: variant });
    else variants.push({ image: variant, manifest });
  }
  if (variants.length === 0) variants.push({ image, manifest: null });
  return { variants, notChecked, notes };
}
async function pullVariant(image, platform, source, log) {
  const missing = `its ${platform} layers are not in the local image store`;
  const byDigest = image.repoDigests.find((digest) => digest.endsWith(`@${image.id}`));
  if (!byDigest) return `${missing}, and the image names no registry to pull them from`;
  log(`Pulling the ${platform} variant of ${image.ref} (${byDigest})
`);
  try {
    await source.pull(byDigest, platform);
  } catch (error) {
    if (!(error instanceof CheckError)) throw error;
    return `${missing}, and pulling them failed: ${error.message}`;
  }
  return await source.inspectPlatform(image, platform) ?? `${missing}, even after pulling ${byDigest} for ${platform}`;
}

// src/check/check.ts
async function check(options, env) {
  const { variants, notChecked, policy, notes } = await gatherFacts(options, env);
  for (const entry of policy.ignores.filter((ignore) => ignore.expired)) {
    notes.push(
      `the ignore of ${entry.rule}${entry.path ? ` for ${entry.path}` : ""} in ${policy.file} expired on ${entry.expires} and no longer applies (its reason was: ${entry.reason})`
    );
  }
  const reports = variants.map(
    ({ facts, manifest, notes: variantNotes }) => buildReport(facts, evaluate(facts, policy), policy, env.version, variantNotes, manifest)
  );
  return combinePlatforms(reports, notChecked, notes);
}
async function gatherFacts(options, env) {
  const request = imageRequest(options, env.cwd);
  const ownTag = request.from === "build" && !options.image && !options.keepImage ? request.build.tag : null;
  let gathered;
  try {
    gathered = await gatherFactsOf(request, options, env);
    return gathered;
  } finally {
    if (ownTag) {
      const failed = await env.source.removeImage(ownTag).catch((error) => error.message);
      if (failed && gathered) {
        gathered.notes.push(
          `the check's own tag ${ownTag} could not be removed (${failed}): remove it with \`docker image rm ${ownTag}\``
        );
      }
    }
  }
}
async function gatherFactsOf(request, options, env) {
  const engineCheck = settledLater(env.source.engine());
  const waitsForEngine = makesTheImage(options);
  const localImage = waitsForEngine ? void 0 : settledLater(env.source.inspect(options.image));
  const policy = effectivePolicy(
    await readPolicy(options, env.cwd),
    { preset: options.preset, failOn: options.failOn, probe: options.probe },
    env.today ?? (/* @__PURE__ */ new Date()).toISOString().slice(0, 10)
  );
  const requested = options.platform;
  const [engine, inputs] = await engineFirst(
    engineCheck,
    (async () => {
      if (waitsForEngine) await engineCheck;
      const dockerfileInput = await readDockerfile(options, env.cwd);
      const parseOptions2 = dockerfileInput && {
        path: dockerfileInput.displayPath,
        target: options.target,
        buildArgs: options.buildArgs,
        // Before the engine answers, this machine's platform stands in for the build's.
        platforms: {
          target: requested?.[0] ?? localPlatform(),
          build: localPlatform()
        }
      };
      const draft = dockerfileInput && parseOptions2 ? await parseDockerfile(dockerfileInput.text, parseOptions2) : null;
      const manifests = await readManifests(options.manifests, options.manifestImage, env.cwd);
      const image2 = waitsForEngine ? null : await acquireImage(request, env, localImage);
      return { dockerfileInput, parseOptions: parseOptions2, draft, manifests, image: image2 };
    })()
  );
  const shared = { ...inputs, engine, policy };
  const image = inputs.image ?? await acquireImage(request, env);
  const [listed, judged] = await Promise.allSettled([
    planPlatforms(image, requested, env.source, env.log),
    variantFacts(image, shared, options, env)
  ]);
  if (listed.status === "rejected") throw listed.reason;
  if (judged.status === "rejected") throw judged.reason;
  const [plan, acquired] = [listed.value, judged.value];
  const variants = [];
  for (const { image: variant, manifest } of plan.variants) {
    const gathered = variant === image ? acquired : await variantFacts(variant, shared, options, env, { namePlatform: true });
    variants.push({ ...gathered, manifest });
  }
  return { variants, notChecked: plan.notChecked, policy, notes: plan.notes };
}
async function variantFacts(image, shared, options, env, { namePlatform = false } = {}) {
  const { engine, dockerfileInput, parseOptions: parseOptions2, manifests, policy } = shared;
  const notes = [];
  const platformMet = options.platform ? options.platform.some((platform) => isPlatform(image.platform, platform)) : null;
  const platforms2 = { target: image.platform, build: `linux/${engine.arch}` };
  const draft = dockerfileInput && parseOptions2 ? parseOptions2.platforms?.target === platforms2.target && parseOptions2.platforms.build === platforms2.build ? shared.draft : await parseDockerfile(dockerfileInput.text, { ...parseOptions2, platforms: platforms2 }) : null;
  const ports = declaredPorts(image, policy.portVariables);
  const variant = platformMet || namePlatform ? image.platform : void 0;
  const [baseEnv, probe] = await Promise.all([
    draft ? baseImageEnv(draft, image, env.source, notes) : void 0,
    env.source.runProbe({
      image,
      ports: portsToProbe(ports),
      engineArch: engine.arch,
      binary: env.probeBinary,
      platform: variant
    })
  ]);
  notes.push(...probe.notes);
  const accountFiles = probe.accountFiles ?? await env.source.readAccountFiles(image.ref, variant);
  const dockerfile = dockerfileInput && parseOptions2 && draft ? await parseDockerfile(dockerfileInput.text, { ...parseOptions2, baseEnv, platforms: platforms2 }) : null;
  if (dockerfile) notes.push(...compareUser(dockerfile, image));
  if (platformMet === false) {
    notes.push(
      `platform ${options.platform.join(", ")} was asked for but the image is ${image.platform}: the findings are about the ${image.platform} image`
    );
  }
  const imageArch = image.platform.split("/")[1];
  if (imageArch && imageArch !== engine.arch) {
    notes.push(
      `the image is ${image.platform} and the Docker engine linux/${engine.arch}: the probe ran as a linux/${engine.arch} binary, which uses nothing of the image's own, so the findings hold for the ${image.platform} image`
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
      kubernetes: manifests && kubernetesFacts(manifests, image)
    },
    notes
  };
}
function localPlatform() {
  const arch = { x64: "amd64", arm64: "arm64", arm: "arm", ia32: "386" }[process.arch];
  return `linux/${arch ?? process.arch}`;
}
async function parseDockerfile(text3, options) {
  const parser = await import("./chunk-6JA7OAEC.js");
  return parser.parseDockerfile(text3, options);
}
function probeStatus(probe) {
  if (!probe.ok) return { status: "failed", reason: probe.reason };
  if (probe.output.userError) {
    return {
      status: "user-error",
      reason: `the container cannot start as the image's user: ${probe.output.userError}`
    };
  }
  return { status: "ok", elapsedMs: probe.elapsedMs };
}
async function baseImageEnv(draft, image, source, notes) {
  if (draft.rootBase === "scratch") return {};
  const base = await source.inspect(draft.rootBase);
  if (base) return base.env;
  notes.push(
    `the base image ${draft.rootBase} is not available locally; the checked image's ENV stands in for it when resolving variables in the Dockerfile`
  );
  return image.env;
}
function compareUser(dockerfile, image) {
  const user = dockerfile.effectiveUser;
  if (user && user.value !== image.user) {
    return [
      `${dockerfile.path}:${user.line} sets ${describeUserInstruction(user)} but the image's user is "${image.user}": was the image built from this Dockerfile? Findings judge the image.`
    ];
  }
  return [];
}

// src/source/build-command.ts
var runBuildCommand = async (commandLine, cwd, onOutput) => {
  const { getExecOutput } = await import("./chunk-O6WB4UYW.js");
  try {
    const result = await getExecOutput(commandLine, [], {
      cwd,
      ignoreReturnCode: true,
      silent: true,
      listeners: {
        stdout: (data) => onOutput(data.toString()),
        stderr: (data) => onOutput(data.toString())
      }
    });
    return { exitCode: result.exitCode, output: `${result.stdout}
${result.stderr}` };
  } catch (error) {
    throw new CheckError(
      "image",
      `the build command could not start: ${error instanceof Error ? error.message : String(error)}`,
      'Check the program name and the working directory (context). The command runs without a shell: wrap pipes or && in bash -c "\u2026".'
    );
  }
};

// src/source/docker/docker.ts
import { randomBytes as randomBytes4 } from "node:crypto";
import { mkdtemp, readFile, rm as rm2, stat as stat2, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join as join3 } from "node:path";

// src/source/docker/image-index.ts
var INDEX_TYPES = /* @__PURE__ */ new Set([
  "application/vnd.oci.image.index.v1+json",
  "application/vnd.docker.distribution.manifest.list.v2+json"
]);
var MANIFEST_TYPES = /* @__PURE__ */ new Set([
  "application/vnd.oci.image.manifest.v1+json",
  "application/vnd.docker.distribution.manifest.v2+json"
]);
var descriptor = object({
  mediaType: optional(string()),
  digest: string(),
  platform: optional(
    object({
      os: string(),
      architecture: string(),
      variant: optional(string())
    })
  ),
  annotations: optional(record(string(), string()))
});
var topLevel = object({
  mediaType: optional(string()),
  manifests: optional(array(descriptor)),
  layers: optional(array(unknown()))
});
var PLATFORM_PART = /^[a-z0-9][a-z0-9._-]{0,31}$/;
function platformsOfManifest(text3) {
  let json;
  try {
    json = JSON.parse(text3);
  } catch {
    return { kind: "unreadable", reason: "the image's manifest is not JSON" };
  }
  const parsed = topLevel.safeParse(json);
  if (!parsed.success) {
    return { kind: "unreadable", reason: "the image's manifest is not an OCI manifest or index" };
  }
  const { mediaType, manifests, layers } = parsed.data;
  const isIndex = mediaType ? INDEX_TYPES.has(mediaType) : manifests !== void 0;
  const isManifest = mediaType ? MANIFEST_TYPES.has(mediaType) : layers !== void 0;
  if (isManifest && !isIndex) return { kind: "single" };
  if (!isIndex || !manifests) {
    return {
      kind: "unreadable",
      reason: `the image's manifest has media type ${JSON.stringify(mediaType ?? null).slice(0, 100)}`
    };
  }
  const platforms2 = [];
  const unusable = [];
  for (const entry of manifests) {
    if (entry.annotations?.["vnd.docker.reference.type"] === "attestation-manifest") continue;
    const platform = entry.platform;
    if (!platform || platform.os === "unknown" && platform.architecture === "unknown") continue;
    const parts = [platform.os, platform.architecture, platform.variant].filter(
      (part) => part !== void 0 && part !== ""
    );
    const name = parts.join("/");
    if (!parts.every((part) => PLATFORM_PART.test(part))) {
      unusable.push(JSON.stringify(name).slice(0, 80));
    } else if (!/^sha256:[a-f0-9]{64}$/.test(entry.digest)) {
      unusable.push(`${JSON.stringify(name)} (its digest is not sha256)`);
    } else if (!platforms2.some((known) => known.platform === name)) {
      platforms2.push({ platform: name, manifest: entry.digest });
    }
  }
  return { kind: "index", platforms: platforms2, unusable };
}
function platformsOfInspect(raw) {
  const parsed = inspectManifests.safeParse(raw);
  if (!parsed.success || !parsed.data.Descriptor || !parsed.data.Manifests) return null;
  const { Descriptor: top, Manifests: entries } = parsed.data;
  return platformsOfManifest(
    JSON.stringify({
      mediaType: top.mediaType,
      ...MANIFEST_TYPES.has(top.mediaType ?? "") ? { layers: [] } : {
        manifests: entries.filter((entry) => entry.Kind === "image").map((e) => e.Descriptor)
      }
    })
  );
}
var inspectManifests = object({
  Descriptor: optional(object({ mediaType: optional(string()) })),
  Manifests: optional(
    nullable(array(object({ Kind: optional(string()), Descriptor: unknown() })))
  )
});

// src/source/docker/inspect.ts
var stringList = nullish(array(string()));
var stringSet = nullish(record(string(), unknown()));
var inspectSchema = object({
  Id: string(),
  RepoDigests: stringList,
  Os: nullish(string()),
  Architecture: nullish(string()),
  Variant: nullish(string()),
  Config: nullish(
    object({
      User: nullish(string()),
      WorkingDir: nullish(string()),
      Entrypoint: stringList,
      Cmd: stringList,
      Env: stringList,
      ExposedPorts: stringSet,
      Volumes: stringSet,
      Labels: nullish(record(string(), string()))
    })
  )
});
function parseEnvList(entries) {
  const env = {};
  for (const entry of entries) {
    const eq = entry.indexOf("=");
    if (eq <= 0) continue;
    env[entry.slice(0, eq)] = entry.slice(eq + 1);
  }
  return env;
}
function normaliseInspect(raw, ref) {
  const parsed = inspectSchema.safeParse(raw);
  if (!parsed.success) {
    throw new CheckError(
      "docker",
      `docker image inspect ${ref} returned data this tool does not understand: ${parsed.error.issues[0]?.message ?? "invalid"}`,
      "Check that the docker CLI and engine are working (`docker image inspect` by hand) and report this if they are."
    );
  }
  const image = parsed.data;
  const config2 = image.Config ?? {};
  const platform = [image.Os ?? "linux", image.Architecture ?? "unknown", image.Variant].filter((part) => part).join("/");
  return {
    ref,
    id: image.Id,
    repoDigests: image.RepoDigests ?? [],
    platform,
    user: config2.User ?? "",
    workdir: config2.WorkingDir ?? "",
    entrypoint: config2.Entrypoint ?? [],
    cmd: config2.Cmd ?? [],
    env: parseEnvList(config2.Env ?? []),
    exposedPorts: Object.keys(config2.ExposedPorts ?? {}).sort(),
    volumes: Object.keys(config2.Volumes ?? {}).sort(),
    labels: config2.Labels ?? {}
  };
}

// src/source/docker/container-spec.ts
var PROBE_LABEL = "org.nonroot-guard.probe";
var KUBERNETES_PORT_SYSCTL = { "net.ipv4.ip_unprivileged_port_start": "1024" };
function containerOptions(limits, entrypoint) {
  return [
    "--pull=never",
    "--no-healthcheck",
    "--network=none",
    "--user=0:0",
    "--security-opt=no-new-privileges",
    `--pids-limit=${limits.pids}`,
    `--memory=${limits.memory}`,
    `--memory-swap=${limits.memory}`,
    ...Object.entries(KUBERNETES_PORT_SYSCTL).map(([key, value]) => `--sysctl=${key}=${value}`),
    `--label=${PROBE_LABEL}=true`,
    `--entrypoint=${entrypoint}`
  ];
}
function createArgs(spec) {
  return [
    "--name",
    spec.name,
    ...containerOptions(spec.limits, spec.entrypoint),
    ...spec.mountSource ? [`--mount=type=bind,source=${spec.mountSource},target=${spec.entrypoint},readonly`] : [],
    ...spec.platform ? [`--platform=${spec.platform}`] : [],
    spec.image,
    ...spec.args
  ];
}
function createRequest(spec) {
  const query = new URLSearchParams({ name: spec.name });
  if (spec.platform) query.set("platform", spec.platform);
  const memory = memoryBytes(spec.limits.memory);
  return {
    path: `/containers/create?${query.toString()}`,
    body: {
      Image: spec.image,
      Entrypoint: [spec.entrypoint],
      Cmd: [...spec.args],
      User: "0:0",
      Labels: { [PROBE_LABEL]: "true" },
      Healthcheck: { Test: ["NONE"] },
      // As `docker create` without -d: the output can be attached to.
      AttachStdout: true,
      AttachStderr: true,
      HostConfig: {
        NetworkMode: "none",
        // The CLI's default, said: never restarted.
        RestartPolicy: { Name: "no" },
        SecurityOpt: ["no-new-privileges"],
        PidsLimit: spec.limits.pids,
        Memory: memory,
        MemorySwap: memory,
        Sysctls: KUBERNETES_PORT_SYSCTL,
        ...spec.mountSource ? {
          Mounts: [
            { Type: "bind", Source: spec.mountSource, Target: spec.entrypoint, ReadOnly: true }
          ]
        } : {}
      }
    }
  };
}
function memoryBytes(limit) {
  const match = /^(\d+)([bkmg]?)$/i.exec(limit);
  if (!match) throw new Error(`not a memory limit: ${limit}`);
  const power = ["b", "k", "m", "g"].indexOf((match[2] || "b").toLowerCase());
  return Number(match[1]) * 1024 ** power;
}

// src/source/docker/tar-entry.ts
var BLOCK = 512;
var TYPES = {
  "0": "file",
  "\0": "file",
  "7": "file",
  "1": "hardlink",
  "2": "symlink",
  "3": "char device",
  "4": "block device",
  "5": "directory",
  "6": "fifo"
};
var TarError = class extends Error {
};
function text(block, offset, length) {
  const field = block.subarray(offset, offset + length);
  const end = field.indexOf(0);
  return field.subarray(0, end === -1 ? field.length : end).toString("utf8");
}
function tarNumber(field) {
  if (field.length > 0 && (field[0] & 128) !== 0) {
    if ((field[0] & 64) !== 0) throw new TarError("a negative number in a tar header");
    let value = BigInt(field[0] & 63);
    for (const byte of field.subarray(1)) value = value << 8n | BigInt(byte);
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new TarError("a tar number out of range");
    return Number(value);
  }
  const digits = field.toString("latin1").replace(/[\0 ]+$/, "").replace(/^[\0 ]+/, "");
  if (digits === "") return 0;
  if (!/^[0-7]+$/.test(digits))
    throw new TarError(`a malformed tar number ${JSON.stringify(digits)}`);
  return parseInt(digits, 8);
}
function checksumOk(block) {
  let sum = 0;
  for (let index = 0; index < BLOCK; index++) {
    sum += index >= 148 && index < 156 ? 32 : block[index];
  }
  return tarNumber(block.subarray(148, 156)) === sum;
}
function paxRecords(body) {
  const records = /* @__PURE__ */ new Map();
  let offset = 0;
  while (offset < body.length) {
    const space = body.indexOf(32, offset);
    if (space === -1) break;
    const length = Number(body.subarray(offset, space).toString("latin1"));
    if (!Number.isSafeInteger(length) || length <= space - offset || offset + length > body.length) {
      throw new TarError("a malformed pax record");
    }
    const record2 = body.subarray(space + 1, offset + length - 1).toString("utf8");
    const equals = record2.indexOf("=");
    if (equals > 0) records.set(record2.slice(0, equals), record2.slice(equals + 1));
    offset += length;
  }
  return records;
}
var MAX_EXTENDED_BYTES = 1024 * 1024;
function firstTarEntry(data) {
  let offset = 0;
  let pax = /* @__PURE__ */ new Map();
  for (; ; ) {
    if (data.length < offset + BLOCK) return null;
    const block = data.subarray(offset, offset + BLOCK);
    if (block.every((byte) => byte === 0)) throw new TarError("an empty tar archive");
    if (!checksumOk(block)) throw new TarError("a tar header with a bad checksum");
    const flag = String.fromCharCode(block[156]);
    const size = tarNumber(block.subarray(124, 136));
    offset += BLOCK;
    if (flag === "x" || flag === "g" || flag === "L" || flag === "K") {
      if (offset + size > MAX_EXTENDED_BYTES) throw new TarError("tar extended headers over 1 MiB");
      const padded = Math.ceil(size / BLOCK) * BLOCK;
      if (data.length < offset + padded) return null;
      if (flag === "x")
        pax = new Map([...pax, ...paxRecords(data.subarray(offset, offset + size))]);
      if (flag === "L" && !pax.has("path"))
        pax = new Map([...pax, ["path", text(data, offset, size)]]);
      offset += padded;
      continue;
    }
    const prefix = text(block, 345, 155);
    const name = pax.get("path") ?? (prefix ? `${prefix}/${text(block, 0, 100)}` : text(block, 0, 100));
    const paxSize = pax.get("size");
    if (paxSize !== void 0 && !/^\d{1,15}$/.test(paxSize)) {
      throw new TarError("a malformed pax size");
    }
    return {
      header: {
        name,
        type: TYPES[flag] ?? "other",
        size: paxSize === void 0 ? size : Number(paxSize),
        linkName: pax.get("linkpath") ?? text(block, 157, 100)
      },
      contentOffset: offset
    };
  }
}

// src/source/docker/image-file.ts
var FirstFileReader = class {
  constructor(maxBytes) {
    this.maxBytes = maxBytes;
  }
  maxBytes;
  // The chunks are kept as they come and joined only to look for the header and once at
  // the end: joining at every chunk would copy a 64 MiB file some thousand times.
  chunks = [];
  received = 0;
  entry = null;
  /** The file, once the stream has said what it is. */
  outcome = null;
  /** Why the stream is not a tar archive, when it is not. */
  malformed = null;
  feed(chunk) {
    this.chunks.push(chunk);
    this.received += chunk.length;
    if (!this.entry) {
      try {
        this.entry = firstTarEntry(Buffer.concat(this.chunks));
      } catch (error) {
        this.malformed = error.message;
        return "enough";
      }
      if (!this.entry) return "more";
      if (this.entry.header.type !== "file") {
        this.outcome = { kind: "not-regular", type: this.entry.header.type };
        return "enough";
      }
      if (this.entry.header.size > this.maxBytes) {
        this.outcome = { kind: "too-large", size: this.entry.header.size };
        return "enough";
      }
    }
    const { header, contentOffset } = this.entry;
    if (this.received < contentOffset + header.size) return "more";
    const data = Buffer.concat(this.chunks);
    this.outcome = {
      kind: "file",
      text: data.subarray(contentOffset, contentOffset + header.size).toString("utf8")
    };
    return "enough";
  }
};

// src/source/docker/api-container.ts
var containerPath = (container) => `/containers/${encodeURIComponent(container)}`;
function daemonError(result) {
  if (!result.ok) return `cannot reach the Docker engine: ${result.message} (${result.code})`;
  return `Error response from daemon: ${engineMessage(result.response)}`;
}
var failure = (exitCode, stderr) => ({
  exitCode,
  stdout: "",
  stderr: `${stderr}
`,
  timedOut: false
});
async function postCreate(socket, request, name, timeoutMs) {
  const result = await apiRequest(socket, request.path, {
    method: "POST",
    json: request.body,
    timeoutMs
  });
  if (!result.ok && result.code === "ETIMEDOUT") return { ...failure(1, ""), timedOut: true };
  if (!result.ok || result.response.status !== 201) return failure(1, daemonError(result));
  return { exitCode: 0, stdout: `${name}
`, stderr: "", timedOut: false };
}
function createContainer(socket, spec, timeoutMs) {
  return postCreate(socket, createRequest(spec), spec.name, timeoutMs);
}
function createVariantContainer(socket, spec, timeoutMs) {
  const query = new URLSearchParams({ name: spec.name, platform: spec.platform });
  const body = {
    Image: spec.image,
    ...spec.cmd.length > 0 ? { Cmd: [...spec.cmd] } : {},
    HostConfig: { NetworkMode: "none" }
  };
  return postCreate(
    socket,
    { path: `/containers/create?${query.toString()}`, body },
    spec.name,
    timeoutMs
  );
}
async function containerConfig(socket, container, timeoutMs) {
  const result = await apiRequest(socket, `${containerPath(container)}/json`, { timeoutMs });
  if (!result.ok || result.response.status !== 200) return failure(1, daemonError(result));
  try {
    const { Config } = JSON.parse(result.response.body);
    return { exitCode: 0, stdout: JSON.stringify(Config ?? null), stderr: "", timedOut: false };
  } catch {
    return failure(1, `the engine's inspect of ${container} is not JSON`);
  }
}
var MODE_BITS = {
  dir: 31,
  symlink: 27,
  device: 26,
  namedPipe: 25,
  socket: 24,
  charDevice: 21,
  irregular: 19
};
var has = (mode, bit) => (mode >>> bit & 1) === 1;
async function statPath(socket, container, path2) {
  const result = await apiRequest(
    socket,
    `${containerPath(container)}/archive?${new URLSearchParams({ path: path2 }).toString()}`,
    { method: "HEAD", timeoutMs: 6e4 }
  );
  if (result.ok && result.response.status === 404) return null;
  if (!result.ok || result.response.status !== 200) return { unreadable: daemonError(result) };
  const header = result.response.headers["x-docker-container-path-stat"];
  try {
    const stat3 = JSON.parse(Buffer.from(String(header), "base64").toString("utf8"));
    if (typeof stat3.mode !== "number" || typeof stat3.size !== "number") throw new Error();
    return {
      mode: stat3.mode,
      size: stat3.size,
      linkTarget: typeof stat3.linkTarget === "string" ? stat3.linkTarget : ""
    };
  } catch {
    return { unreadable: `the engine's stat of ${path2} could not be read` };
  }
}
function typeOf(mode) {
  if (has(mode, MODE_BITS.dir)) return "directory";
  if (has(mode, MODE_BITS.symlink)) return "symlink";
  if (has(mode, MODE_BITS.namedPipe)) return "fifo";
  if (has(mode, MODE_BITS.socket)) return "socket";
  if (has(mode, MODE_BITS.device))
    return has(mode, MODE_BITS.charDevice) ? "char device" : "block device";
  if (has(mode, MODE_BITS.irregular)) return "other";
  return null;
}
async function readContainerFile(socket, container, path2, maxBytes, content = true) {
  let stat3 = await statPath(socket, container, path2);
  let target = path2;
  if (stat3 && !("unreadable" in stat3) && has(stat3.mode, MODE_BITS.symlink)) {
    target = stat3.linkTarget;
    stat3 = target ? await statPath(socket, container, target) : null;
  }
  if (stat3 === null) return { kind: "missing" };
  if ("unreadable" in stat3) return { kind: "unreadable", reason: stat3.unreadable };
  const type = typeOf(stat3.mode);
  if (type) return { kind: "not-regular", type };
  if (stat3.size > maxBytes) return { kind: "too-large", size: stat3.size };
  if (!content) return { kind: "regular", size: stat3.size };
  const reader = new FirstFileReader(maxBytes);
  const result = await apiRequest(
    socket,
    `${containerPath(container)}/archive?${new URLSearchParams({ path: target }).toString()}`,
    { timeoutMs: 6e4, readBody: (chunk) => reader.feed(chunk) }
  );
  if (reader.outcome) return reader.outcome;
  if (reader.malformed)
    return { kind: "unreadable", reason: `the archive gave ${reader.malformed}` };
  if (result.ok && result.response.status === 404) return { kind: "missing" };
  if (!result.ok || result.response.status !== 200) {
    return { kind: "unreadable", reason: daemonError(result) };
  }
  return { kind: "unreadable", reason: "the archive ended before the file was complete" };
}
var FRAME_HEADER_BYTES = 8;
function startAttached(socket, container, timeoutMs, maxOutputBytes) {
  const path2 = containerPath(container);
  const stdout = new BoundedBuffer(maxOutputBytes);
  const stderr = new BoundedBuffer(maxOutputBytes);
  return new Promise((resolve4) => {
    let done = false;
    let stream;
    const deadline = Date.now() + timeoutMs;
    const finish = (exitCode, timedOut = false, message) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      stream?.destroy();
      if (message) stderr.push(Buffer.from(`${message}
`));
      resolve4({ exitCode, stdout: stdout.toString(), stderr: stderr.toString(), timedOut });
    };
    const timer = setTimeout(() => finish(128, true), timeoutMs);
    void apiRequest(socket, `${path2}/attach?stream=1&stdout=1&stderr=1`, {
      method: "POST",
      upgrade: true,
      timeoutMs
    }).then((attached) => {
      if (done) {
        if (attached.ok) attached.response.upgraded?.socket.destroy();
        return;
      }
      if (!attached.ok || !attached.response.upgraded) {
        finish(1, false, daemonError(attached));
        return;
      }
      const { socket: connection, head } = attached.response.upgraded;
      stream = connection;
      let pending = Buffer.alloc(0);
      const demultiplex = (chunk) => {
        pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
        while (pending.length >= FRAME_HEADER_BYTES) {
          const size = pending.readUInt32BE(4);
          if (pending.length < FRAME_HEADER_BYTES + size) break;
          const payload = pending.subarray(FRAME_HEADER_BYTES, FRAME_HEADER_BYTES + size);
          (pending[0] === 2 ? stderr : stdout).push(payload);
          pending = pending.subarray(FRAME_HEADER_BYTES + size);
        }
      };
      if (head.length > 0) demultiplex(head);
      const remaining = () => Math.max(1, deadline - Date.now());
      let registered = () => {
      };
      const waitRegistered = new Promise((resolve5) => registered = resolve5);
      const waited = apiRequest(socket, `${path2}/wait?condition=next-exit`, {
        method: "POST",
        timeoutMs: remaining(),
        onHead: registered
      });
      const started = (async () => {
        const head2 = await Promise.race([waitRegistered, waited.then(() => 0)]);
        if (head2 !== 200) {
          finish(1, false, daemonError(await waited));
          return null;
        }
        return apiRequest(socket, `${path2}/start`, { method: "POST", timeoutMs: remaining() });
      })();
      connection.on("data", demultiplex);
      connection.on("error", () => {
      });
      connection.on("close", () => {
        void (async () => {
          const start = await started;
          if (done || start === null) return;
          if (!start.ok || ![204, 304].includes(start.response.status)) {
            finish(1, false, daemonError(start));
            return;
          }
          const exited = await waited;
          if (done) return;
          if (!exited.ok || exited.response.status !== 200) {
            finish(1, false, daemonError(exited));
            return;
          }
          let answer;
          try {
            answer = JSON.parse(exited.response.body);
          } catch {
            answer = {};
          }
          if (typeof answer.StatusCode !== "number") {
            finish(
              1,
              false,
              `the engine's wait answer has no exit code: ${exited.response.body.slice(0, 200)}`
            );
            return;
          }
          finish(answer.StatusCode, false, answer.Error?.Message || void 0);
        })();
      });
      connection.resume();
    });
  });
}
async function removeContainer(socket, container) {
  const result = await apiRequest(socket, `${containerPath(container)}?force=1&v=1`, {
    method: "DELETE",
    timeoutMs: 6e4
  });
  return result.ok && [204, 404].includes(result.response.status);
}

// src/source/docker/tar-walk.ts
var BLOCK2 = 512;
var TarWalk = class {
  constructor(handlers) {
    this.handlers = handlers;
  }
  handlers;
  state = { kind: "header" };
  /** Bytes of the header being read (a pax header can span several chunks). */
  pending = Buffer.alloc(0);
  get done() {
    return this.state.kind === "done";
  }
  /** Takes the next bytes of the stream; 'stop' once the walk is over. Throws TarError. */
  feed(chunk) {
    let data = chunk;
    while (data.length > 0 && this.state.kind !== "done") {
      const state = this.state;
      if (state.kind === "skip") {
        const taken = Math.min(state.left, data.length);
        state.left -= taken;
        data = data.subarray(taken);
        if (state.left === 0) this.state = { kind: "header" };
      } else if (state.kind === "read") {
        const taken = Math.min(state.left, data.length);
        state.chunks.push(data.subarray(0, taken));
        state.left -= taken;
        data = data.subarray(taken);
        if (state.left === 0) {
          const choice = this.handlers.content(state.header, Buffer.concat(state.chunks));
          this.state = choice === "stop" ? { kind: "done" } : { kind: "skip", left: state.padding };
          if (this.state.kind === "skip" && this.state.left === 0) this.state = { kind: "header" };
        }
      } else if (state.kind === "header") {
        this.pending = this.pending.length === 0 ? data : Buffer.concat([this.pending, data]);
        data = Buffer.alloc(0);
        if (this.pending.length >= BLOCK2 && this.pending.subarray(0, BLOCK2).every((b) => b === 0)) {
          this.state = { kind: "done" };
          break;
        }
        const entry = firstTarEntry(this.pending);
        if (!entry) continue;
        const rest = this.pending.subarray(entry.contentOffset);
        this.pending = Buffer.alloc(0);
        data = rest;
        const { header } = entry;
        const padded = Math.ceil(header.size / BLOCK2) * BLOCK2;
        const choice = this.handlers.header(header);
        if (choice === "stop") {
          this.state = { kind: "done" };
        } else if (choice === "read" && header.type === "file") {
          if (header.size > this.handlers.maxReadBytes) {
            throw new TarError(
              `${header.name} is ${header.size} bytes, over the ${this.handlers.maxReadBytes}-byte limit`
            );
          }
          this.state = {
            kind: "read",
            header,
            left: header.size,
            padding: padded - header.size,
            chunks: []
          };
          if (header.size === 0) {
            const next = this.handlers.content(header, Buffer.alloc(0));
            this.state = next === "stop" ? { kind: "done" } : { kind: "header" };
          }
        } else {
          this.state = padded === 0 ? { kind: "header" } : { kind: "skip", left: padded };
        }
      }
    }
    return this.state.kind === "done" ? "stop" : "more";
  }
};

// src/probe/probe.ts
import { randomBytes as randomBytes3 } from "node:crypto";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

// src/options/environment.ts
function seconds(raw) {
  if (!/^\s*\d+(\.\d+)?\s*$/.test(raw)) return null;
  const value = Number(raw);
  return value > 0 && value <= 3600 ? value : null;
}
var PROBE_TIMEOUT = {
  name: "NONROOT_GUARD_PROBE_TIMEOUT",
  description: "Seconds the probe container may run before it is stopped (and the check fails closed).",
  defaultText: "120",
  expected: "a number of seconds greater than 0 and at most 3600",
  example: "300",
  parse: seconds
};
var PROBE_TRANSFER = {
  name: "NONROOT_GUARD_PROBE_TRANSFER",
  description: "How the probe binary reaches the container: `mount` (a read-only bind mount) or `copy` (`docker cp` into the created container, for a daemon that does not share this machine\u2019s files).",
  defaultText: "`copy` when DOCKER_HOST is not a unix socket, else `mount`",
  expected: "mount or copy",
  example: "copy",
  parse: (raw) => raw === "mount" || raw === "copy" ? raw : null
};
var GITHUB_TIMEOUT = {
  name: "NONROOT_GUARD_GITHUB_TIMEOUT",
  description: "Seconds all of the action\u2019s GitHub API calls (comment, suggestions) may take together; then it warns and goes on.",
  defaultText: "60",
  expected: "a number of seconds greater than 0 and at most 3600",
  example: "120",
  parse: seconds
};
var ENVIRONMENT = [
  PROBE_TIMEOUT,
  PROBE_TRANSFER,
  GITHUB_TIMEOUT
];
function environmentValue(variable, env = process.env) {
  const raw = env[variable.name];
  if (raw === void 0 || raw.trim() === "") return void 0;
  const value = variable.parse(raw.trim());
  if (value === null) {
    throw new CheckError(
      "usage",
      `${variable.name}=${JSON.stringify(raw)}: expected ${variable.expected}`,
      `Unset it for the default (${variable.defaultText.replace(/`/g, "")}), or give e.g. ${variable.name}=${variable.example}.`
    );
  }
  return value;
}
function checkEnvironment(env = process.env) {
  for (const variable of ENVIRONMENT) environmentValue(variable, env);
}

// src/probe/schema.ts
config(en_default());
var path = string().check(_maxLength(4096));
var hex = string().check(_regex(/^[0-9a-f]{1,16}$/));
var ACCOUNT_FILE_STATUSES = [
  "ok",
  "missing",
  "unreadable",
  "not-regular",
  "too-large",
  "mounted",
  "escapes"
];
var accountFileStatus = _enum(ACCOUNT_FILE_STATUSES);
var fileKind = _enum(["dir", "file", "symlink", "other", "missing"]);
var PATH_ROLES = [
  "root",
  "bin",
  "sbin",
  "usr",
  "lib",
  "etc",
  "tmp",
  "home",
  "workdir",
  "exec",
  "exec-dir",
  "volume"
];
var checkedPath = strictObject({
  path,
  roles: array(_enum(PATH_ROLES)),
  type: fileKind,
  mode: nullable(int().check(_nonnegative())),
  uid: nullable(int().check(_nonnegative())),
  gid: nullable(int().check(_nonnegative())),
  /** The runtime user can modify it: a file by access(W_OK), a directory by creating and removing a file in it. */
  writable: boolean(),
  /** Why it could not be checked (e.g. `ELOOP`), or null. */
  error: nullable(string().check(_maxLength(200)))
});
var truncatedList = (item) => strictObject({
  items: array(item),
  count: int().check(_nonnegative()),
  truncated: boolean()
});
var probeSchema = strictObject({
  probe: strictObject({ version: literal(1), arch: string().check(_maxLength(32)) }),
  /** Set when the probe could not become the image's user: the runtime's own message. */
  userError: nullable(string().check(_maxLength(1e3))),
  identity: strictObject({
    /** The probe started as root and switched to the configured user, as runc does. */
    switched: boolean(),
    uid: int(),
    gid: int(),
    groups: array(int()).check(_maxLength(65536)),
    name: nullable(string().check(_maxLength(256))),
    home: nullable(path),
    passwd: accountFileStatus,
    group: accountFileStatus,
    /** Where the path led inside the image: the file, or the run-time mount it entered. */
    passwdResolved: nullable(path),
    groupResolved: nullable(path)
  }),
  status: strictObject({
    capEff: hex,
    capPrm: hex,
    capBnd: hex,
    capAmb: hex,
    noNewPrivs: int().check(_gte(0), _lte(1)),
    seccomp: int().check(_gte(0), _lte(2))
  }),
  paths: array(checkedPath).check(_maxLength(64)),
  writableDirs: truncatedList(path),
  setid: truncatedList(
    strictObject({
      path,
      mode: int().check(_nonnegative()),
      uid: int().check(_nonnegative()),
      gid: int().check(_nonnegative())
    })
  ),
  fileCaps: truncatedList(
    strictObject({ path, capability: string().check(_regex(/^[0-9a-f]{0,128}$/)) })
  ),
  tools: array(
    strictObject({
      kind: _enum(["shell", "package-manager", "privilege", "account"]),
      name: string().check(_maxLength(64)),
      path,
      resolved: path
    })
  ).check(_maxLength(256)),
  ports: array(
    strictObject({
      port: int().check(_gte(0), _lte(65535)),
      protocol: _enum(["tcp", "udp"]),
      bindable: boolean(),
      error: nullable(string().check(_maxLength(64)))
    })
  ).check(_maxLength(256)),
  walk: strictObject({
    entries: int().check(_nonnegative()),
    directories: int().check(_nonnegative()),
    elapsedMs: int().check(_nonnegative()),
    truncated: boolean(),
    unscanned: truncatedList(strictObject({ path, reason: string().check(_maxLength(200)) }))
  })
});

// src/probe/probe.ts
function probePath() {
  return `/.nonroot-guard-probe-${randomBytes3(8).toString("hex")}`;
}
var DEFAULT_PROBE_LIMITS = { timeoutMs: 12e4, memory: "256m", pids: 64 };
function probeLimits(env = process.env) {
  const seconds2 = environmentValue(PROBE_TIMEOUT, env);
  if (seconds2 === void 0) return DEFAULT_PROBE_LIMITS;
  return { ...DEFAULT_PROBE_LIMITS, timeoutMs: Math.round(seconds2 * 1e3) };
}
var ACCOUNT_FILES_FLAG = "--account-files";
var shownFile = nullable(string().check(_maxLength(256 * 1024)));
var shownAccountFiles = strictObject({ passwd: shownFile, group: shownFile });
var ARCHES = ["amd64", "arm64"];
function probeBinary(engineArch) {
  if (!ARCHES.includes(engineArch)) {
    throw new CheckError(
      "platform",
      `there is no probe for a ${engineArch} Docker engine (only ${ARCHES.join(", ")})`,
      "Run the check on an amd64 or arm64 runner, or set probe: optional to judge the metadata only."
    );
  }
  for (const base of ["./probe/", "../../dist/probe/"]) {
    const path2 = fileURLToPath(new URL(`${base}linux-${engineArch}`, import.meta.url));
    if (existsSync(path2)) return path2;
  }
  throw new CheckError(
    "platform",
    `the probe binary dist/probe/linux-${engineArch} is missing from this installation`,
    "Reinstall nonroot-guard (dist/ must be complete), or build it with probe/build.sh."
  );
}
function probeArguments(image, ports, ownPath) {
  const exec = image.entrypoint[0] ?? image.cmd[0] ?? "";
  const args = ["--user", image.user, "--workdir", image.workdir, "--exec", exec];
  args.push("--skip", ownPath);
  for (const port of ports) args.push("--port", port);
  const volumes = image.volumes.filter(
    (volume) => !volume.includes("\0") && Buffer.byteLength(volume) <= MAX_PROBE_ARG_BYTES
  );
  for (const volume of volumes.slice(0, MAX_PROBED_VOLUMES)) args.push("--volume", volume);
  return args;
}
var MAX_PROBED_VOLUMES = 16;
var MAX_PROBE_ARG_BYTES = 4095;
function parseProbeDocument(stdout) {
  let json;
  try {
    json = JSON.parse(stdout);
  } catch {
    throw new Error(
      `it is not JSON (${stdout.length} bytes, starting ${JSON.stringify(stdout.slice(0, 40))})`
    );
  }
  let shown = null;
  if (typeof json === "object" && json !== null && !Array.isArray(json) && "accountFiles" in json) {
    const { accountFiles, ...facts } = json;
    const files = shownAccountFiles.safeParse(accountFiles);
    if (!files.success) throw schemaError(files.error, "accountFiles");
    shown = files.data;
    json = facts;
  }
  const parsed = probeSchema.safeParse(json);
  if (!parsed.success) throw schemaError(parsed.error);
  return { output: parsed.data, shown };
}
function schemaError(error, under) {
  const issue = error.issues[0];
  const path2 = [...under ? [under] : [], ...issue.path].join(".");
  return new Error(`${path2 || "the document"}: ${issue.message}`);
}
function unpassable(image) {
  const fields = [
    ["Config.User", image.user],
    ["Config.WorkingDir", image.workdir],
    ["the entrypoint", image.entrypoint[0] ?? image.cmd[0]]
  ];
  const bad = fields.find(([, value]) => value?.includes("\0"));
  return bad ? `the image's ${bad[0]} holds a NUL byte, which no runtime can pass to the kernel: no container of this image can start as configured` : null;
}
function differentInside(output, shown, files) {
  const unsafe = [];
  for (const [path2, key] of [
    ["/etc/passwd", "passwd"],
    ["/etc/group", "group"]
  ]) {
    const status = output.identity[key];
    const resolved = output.identity[`${key}Resolved`];
    if (status === "mounted") {
      unsafe.push({
        path: path2,
        what: `resolves into ${resolved}, which is mounted over the image's files when the container runs: the engine reads the image's own file there, the container another`,
        started: true
      });
    } else if (status === "escapes") {
      unsafe.push({
        path: path2,
        what: `leads out of the image's files: a symlink on the way climbs above / (at ${resolved})`,
        started: true
      });
    } else if (shown && shown[key] !== null && files[key] !== null && shown[key] !== files[key]) {
      unsafe.push({
        path: path2,
        what: "reads differently inside the running container than in the image the engine reads it from",
        started: true
      });
    }
  }
  return unsafe;
}

// src/source/docker/docker.ts
function missingFileNote(path2) {
  return `${path2} does not exist in the image`;
}
var MAX_ACCOUNT_FILE_BYTES = 64 * 1024 * 1024;
var ACCOUNT_FILES = [
  { path: "/etc/passwd", key: "passwd" },
  { path: "/etc/group", key: "group" }
];
var BUILD_LOG_TAIL_LINES = 25;
var MAX_CONTAINER_OUTPUT_BYTES = 16 * 1024 * 1024;
var MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
var START_DAEMON_HINT = "Start the Docker daemon (e.g. `sudo systemctl start docker`), or set DOCKER_HOST to a running engine.";
var SOCKET_PERMISSION_HINT = "Add your user to the docker group or run with access to the Docker socket.";
var ENGINE_HEALTHY_HINT = "Check that the Docker engine is healthy (`docker info`) and retry.";
var Docker = class {
  constructor(runner = runCommand, binary = "docker", early, socket = null) {
    this.runner = runner;
    this.binary = binary;
    this.early = early;
    this.socket = socket;
  }
  runner;
  binary;
  early;
  socket;
  /** GET from the Engine API, taking the request the entry point started, if any. */
  request(path2, timeoutMs) {
    return this.early?.takeRequest(path2) ?? apiRequest(this.socket, path2, { timeoutMs });
  }
  /** An answer of the API that is not a 2xx, or no answer: a CheckError naming the cause. */
  apiFailure(what, result) {
    if (!result.ok) {
      if (result.code === "EACCES") {
        return new CheckError(
          "docker",
          `the Docker daemon is not answering: permission denied on unix://${this.socket}`,
          SOCKET_PERMISSION_HINT
        );
      }
      if (["ENOENT", "ECONNREFUSED", "ECONNRESET", "ENOTSOCK"].includes(result.code)) {
        return new CheckError(
          "docker",
          `the Docker daemon is not answering: Cannot connect to the Docker daemon at unix://${this.socket} (${result.code})`,
          START_DAEMON_HINT
        );
      }
      return new CheckError("docker", `${what} failed: ${result.message}`, ENGINE_HEALTHY_HINT);
    }
    return new CheckError(
      "docker",
      `${what} failed: ${engineMessage(result.response).slice(0, 500)}`,
      ENGINE_HEALTHY_HINT
    );
  }
  /** A 200 answer's JSON (null for a 404 when `missing` allows it), or the CheckError of what went wrong. */
  async apiJson(what, path2, timeoutMs, { missing = false } = {}) {
    const result = await this.request(path2, timeoutMs);
    if (missing && result.ok && result.response.status === 404) return null;
    if (!result.ok || result.response.status !== 200) throw this.apiFailure(what, result);
    try {
      return JSON.parse(result.response.body);
    } catch {
      throw new CheckError(
        "docker",
        `${what} returned data this tool does not understand (not JSON)`,
        ENGINE_HEALTHY_HINT
      );
    }
  }
  info;
  /** The Engine API's /info, asked once: the engine check and the image store both read it. */
  apiInfo() {
    this.info ??= this.apiJson("the Engine API /info", API_PATHS.info, API_TIMEOUT_MS.engine);
    return this.info;
  }
  /** The engine from the Engine API: /version and /info (which the image store reads too), side by side. */
  async engineByApi() {
    const [version] = await Promise.all([
      this.apiJson("the Engine API /version", API_PATHS.version, API_TIMEOUT_MS.engine),
      this.apiInfo()
    ]);
    const {
      Os: os = "",
      Arch: arch = "",
      Version: serverVersion = ""
    } = version ?? {};
    return checkedEngine(os, arch, serverVersion);
  }
  /** Runs docker; a missing binary becomes a CheckError, a non-zero exit is the caller's to judge. */
  async exec(args, options) {
    try {
      return await (this.early?.take(this.binary, args) ?? this.runner(this.binary, args, options));
    } catch (error) {
      if (error instanceof CommandNotFoundError) {
        throw new CheckError(
          "docker",
          `docker is not installed: the command "${this.binary}" was not found`,
          "Install Docker (on GitHub Actions use an ubuntu-* runner, which has it) or put the docker CLI on PATH."
        );
      }
      throw error;
    }
  }
  /** Fails with the reason when no Linux engine answers. */
  async engine() {
    if (this.socket) return this.engineByApi();
    const call = engineCall();
    const result = await this.exec(call.args, call.options);
    const [os = "", arch = "", version = ""] = result.stdout.trim().split("|");
    if (result.exitCode !== 0 || os === "") {
      const stderr = lastLines(result.stderr, 3);
      const permission = /permission denied/i.test(stderr);
      throw new CheckError(
        "docker",
        `the Docker daemon is not answering${stderr ? `: ${stderr}` : ""}`,
        permission ? SOCKET_PERMISSION_HINT : START_DAEMON_HINT
      );
    }
    return checkedEngine(os, arch, version);
  }
  store;
  /** The platforms the Engine API listed with an inspect (Docker 28 and later), by reference. */
  listings = /* @__PURE__ */ new Map();
  /**
   * Which image store the engine keeps images in, asked once: the containerd store keeps
   * every platform of an index under one name, the classic store one platform per tag.
   */
  imageStore() {
    this.store ??= (async () => {
      if (this.socket) {
        const info = await this.apiInfo();
        return storeOf(JSON.stringify(info?.DriverStatus ?? null));
      }
      const call = imageStoreCall();
      const result = await this.exec(call.args, call.options);
      if (result.exitCode !== 0) throw dockerFailure("docker info", result);
      return storeOf(result.stdout);
    })();
    return this.store;
  }
  /**
   * The platforms of a local image. Docker 28 and later (API 1.48) list them with the
   * inspect. Before that there is no call for it: on the containerd store an image's id is
   * the digest of its top-level manifest, and `docker save` writes the blobs sorted by
   * digest, so the walk stops at that blob and reads none of the layers after it (those
   * before it it must pass: on Docker 26 this is what a multi-platform check costs).
   */
  async platforms(image) {
    if (await this.imageStore() === "classic") return { kind: "one-per-tag" };
    const listed = this.listings.get(image.ref);
    if (listed) return listed;
    const digest = /^sha256:([a-f0-9]{64})$/.exec(image.id);
    if (!digest) {
      return { kind: "unreadable", reason: `its id ${image.id.slice(0, 80)} is not a digest` };
    }
    const wanted = `blobs/sha256/${digest[1]}`;
    let manifest = null;
    let malformed = null;
    const walk = new TarWalk({
      header: (header) => header.name === wanted ? "read" : "skip",
      content: (_header, content) => {
        manifest = content.toString("utf8");
        return "stop";
      },
      maxReadBytes: MAX_MANIFEST_BYTES
    });
    const read = (chunk) => {
      try {
        return walk.feed(chunk) === "stop" ? "enough" : "more";
      } catch (error) {
        malformed = error.message;
        return "enough";
      }
    };
    let failed = null;
    if (this.socket) {
      const result = await apiRequest(
        this.socket,
        `/images/get?${new URLSearchParams({ names: image.ref }).toString()}`,
        { timeoutMs: 10 * 6e4, readBody: read }
      );
      if (!result.ok || result.response.status !== 200) failed = daemonError(result);
    } else {
      const result = await this.exec(["save", "--", image.ref], {
        timeoutMs: 10 * 6e4,
        readStdout: read
      });
      if (result.exitCode !== 0) {
        failed = lastLines(result.stderr, 1) || `exit code ${result.exitCode}`;
      }
    }
    if (manifest !== null) return platformsOfManifest(manifest);
    if (malformed) return { kind: "unreadable", reason: `docker save gave ${malformed}` };
    if (failed) return { kind: "unreadable", reason: `docker save failed: ${failed}` };
    return { kind: "unreadable", reason: `docker save did not contain its manifest ${image.id}` };
  }
  /** Inspects a local image; null when it is not there. */
  async inspect(ref) {
    if (this.socket) {
      const raw2 = await this.apiJson(
        `docker image inspect ${ref}`,
        API_PATHS.inspect(ref),
        API_TIMEOUT_MS.inspect,
        { missing: true }
      );
      if (raw2 === null) return null;
      const listed = platformsOfInspect(raw2);
      if (listed) this.listings.set(ref, listed);
      return normaliseInspect(raw2, ref);
    }
    const call = inspectCall(ref);
    const result = await this.exec(call.args, call.options);
    if (result.exitCode !== 0) {
      if (/no such image/i.test(result.stderr)) return null;
      throw dockerFailure(`docker image inspect ${ref}`, result);
    }
    let raw;
    try {
      raw = JSON.parse(result.stdout);
    } catch {
      throw dockerFailure(`docker image inspect ${ref} (unreadable JSON)`, result);
    }
    return normaliseInspect(raw, ref);
  }
  /**
   * One platform's config of a local image that holds several (the containerd image
   * store keeps a multi-platform index; `docker image inspect` shows this machine's
   * variant, and `--platform` there needs API 1.49). A container of that variant is
   * created, never started, and its config read: with nothing overridden it is the
   * variant's image config (Engine API requests on a local socket, else the docker CLI's
   * create, inspect and rm). Null when the image has no such platform.
   */
  async inspectPlatform(image, platform) {
    const { ref } = image;
    const name = `nonroot-guard-config-${randomBytes4(6).toString("hex")}`;
    const create = (command) => this.socket ? createVariantContainer(
      this.socket,
      { name, image: ref, platform, cmd: command },
      12e4
    ) : this.exec(
      [
        "create",
        "--name",
        name,
        "--platform",
        platform,
        "--pull=never",
        "--network=none",
        "--",
        ref,
        ...command
      ],
      { timeoutMs: 12e4 }
    );
    try {
      let created = await create([]);
      const noCommand = created.exitCode !== 0 && /no command specified/i.test(created.stderr);
      if (noCommand) created = await create(["/nonroot-guard-no-command"]);
      if (created.exitCode !== 0) {
        if (/does not match the specified platform|no match for platform|no such image|not found/i.test(
          created.stderr
        ))
          return null;
        throw dockerFailure(`docker create --platform ${platform} ${ref}`, created);
      }
      const inspected = this.socket ? await containerConfig(this.socket, name, 6e4) : await this.exec(["container", "inspect", "--format", "{{json .Config}}", name], {
        timeoutMs: 6e4
      });
      if (inspected.exitCode !== 0)
        throw dockerFailure(`docker container inspect (${ref}, ${platform})`, inspected);
      let config2;
      try {
        config2 = JSON.parse(inspected.stdout);
      } catch {
        throw dockerFailure(
          `docker container inspect (${ref}, ${platform}) (unreadable JSON)`,
          inspected
        );
      }
      if (noCommand) config2 = { ...config2, Cmd: null };
      const [os, architecture, variant] = platform.split("/");
      return normaliseInspect(
        {
          Id: image.id,
          RepoDigests: image.repoDigests,
          Os: os,
          Architecture: architecture,
          Variant: variant,
          Config: config2
        },
        ref
      );
    } finally {
      await this.removeContainer(name);
    }
  }
  /** `docker image rm` of one tag: the image goes with it when no other tag holds it. */
  async removeImage(ref) {
    const result = await this.exec(["image", "rm", "--", ref], { timeoutMs: 6e4 });
    return result.exitCode === 0 ? null : lastLines(result.stderr, 1) || `exit code ${result.exitCode}`;
  }
  async pull(ref, platform) {
    const args = ["pull", "--quiet", ...platform ? ["--platform", platform] : [], "--", ref];
    const result = await this.exec(args, { timeoutMs: 15 * 6e4 });
    if (result.exitCode === 0) return;
    const stderr = lastLines(result.stderr, 5);
    if (/denied|unauthorized|authentication required|no basic auth/i.test(stderr)) {
      throw new CheckError(
        "image",
        `pulling ${ref} was denied: ${stderr}`,
        "Log in to the registry first (docker/login-action, or `docker login`), and check the image name."
      );
    }
    if (/not found|manifest unknown|does not exist/i.test(stderr)) {
      throw new CheckError(
        "image",
        `image ${ref} was not found in its registry: ${stderr}`,
        "Check the image name and tag, or build it first (input `context`, CLI `--context`)."
      );
    }
    throw new CheckError(
      "image",
      `pulling ${ref} failed: ${stderr || `exit code ${result.exitCode}`}`,
      "Check that the registry is reachable from this runner and the image name is right."
    );
  }
  currentBuilder;
  /**
   * What `docker build` builds with, asked once: buildx and its current builder's driver
   * (read from `docker buildx inspect` as docker/actions-toolkit reads it), or the docker
   * CLI's own builder when buildx is not installed or DOCKER_BUILDKIT=0 asks for it.
   */
  builder() {
    this.currentBuilder ??= (async () => {
      if (process.env["DOCKER_BUILDKIT"] === "0")
        return { kind: "docker-build", buildKitOff: true };
      const result = await this.exec(["buildx", "inspect"], { timeoutMs: 6e4 });
      if (result.exitCode !== 0) {
        if (/unknown command|is not a docker command|unknown flag/i.test(result.stderr))
          return { kind: "docker-build", buildKitOff: false };
        throw dockerFailure("docker buildx inspect", result);
      }
      return {
        kind: "buildx",
        name: /^Name:\s*(\S+)/m.exec(result.stdout)?.[1] ?? "default",
        driver: /^Driver:\s*(\S+)/m.exec(result.stdout)?.[1] ?? "docker"
      };
    })();
    return this.currentBuilder;
  }
  /** Builds an image into the local image store and returns its id. */
  async build(request) {
    for (const [id, path2] of Object.entries(request.secretFiles)) {
      if (!await isFile(path2)) {
        throw new CheckError(
          "input",
          `the secret file for ${id} is not a readable file: ${path2}`,
          "Check the path in secret-files (relative to the repository root), and that an earlier step wrote it."
        );
      }
    }
    const builder = await this.builder();
    const needsBuildKit = Object.keys(request.secrets).length > 0 || Object.keys(request.secretFiles).length > 0 || request.ssh.length > 0;
    if (needsBuildKit && builder.kind === "docker-build") {
      throw new CheckError(
        "usage",
        builder.buildKitOff ? "build secrets and SSH need BuildKit, and DOCKER_BUILDKIT=0 turns it off" : "build secrets and SSH need BuildKit through buildx, and this docker CLI has no buildx",
        builder.buildKitOff ? "Unset DOCKER_BUILDKIT, or build without secrets and ssh." : "Install buildx (Docker's docker-buildx-plugin package, or docker/setup-buildx-action on a runner), or build without secrets and ssh."
      );
    }
    const workdir = await mkdtemp(join3(tmpdir(), "nonroot-guard-build-"));
    const iidFile = join3(workdir, "iid");
    try {
      const secretFiles = { ...request.secretFiles };
      let index = 0;
      for (const [id, value] of Object.entries(request.secrets)) {
        const file = join3(workdir, `secret-${index++}`);
        await writeFile(file, value, { mode: 384 });
        secretFiles[id] = file;
      }
      const result = await this.exec(buildArgs(request, iidFile, builder, secretFiles), {
        onOutput: request.onOutput,
        maxOutputBytes: 1024 * 1024
      });
      if (result.exitCode !== 0) {
        throw new CheckError(
          "image",
          `docker build failed (exit code ${result.exitCode})`,
          "Fix the build error above; the same command must work with `docker build` on your machine.",
          `last lines of the build output:
${lastLines(result.stdout + "\n" + result.stderr, BUILD_LOG_TAIL_LINES)}`
        );
      }
      return (await readFile(iidFile, "utf8")).trim();
    } finally {
      await rm2(workdir, { recursive: true, force: true });
    }
  }
  /**
   * Reads /etc/passwd and /etc/group from the image's filesystem without
   * running it: a container made as the probe's is (createContainer), of the
   * platform asked for, never started, read as readAccountFilesOf reads it,
   * and removed.
   */
  async readAccountFiles(ref, platform) {
    const name = `nonroot-guard-accounts-${randomBytes4(6).toString("hex")}`;
    const created = await this.createContainer(
      {
        name,
        image: ref,
        platform,
        entrypoint: "/nonroot-guard-never-started",
        args: [],
        limits: DEFAULT_PROBE_LIMITS
      },
      6e4
    );
    try {
      if (created.exitCode !== 0) throw dockerFailure(`docker create ${ref}`, created);
      return (await this.readAccountFilesOf(name)).files;
    } finally {
      await this.removeContainer(name);
    }
  }
  /**
   * The account files of a created container as the daemon will read them
   * when it starts it: symlinks resolved inside the image, before anything is
   * mounted. Only a regular file is read; a device node, FIFO or socket is
   * known from its stat or tar header and never opened (by us or, since the
   * caller then starts nothing, by the daemon). With `content: false` a
   * regular file's content is left unread where the engine can say its size
   * without it (the Engine API's stat): it is `unread`, null in the files.
   */
  async readAccountFilesOf(container, { content = true } = {}) {
    const notes = [];
    const unsafe = [];
    const unread = [];
    const [passwd, group] = await Promise.all(
      ACCOUNT_FILES.map(async ({ path: path2, key }) => {
        const file = await this.readImageFile(container, path2, MAX_ACCOUNT_FILE_BYTES, content);
        switch (file.kind) {
          case "file":
            return file.text;
          case "regular":
            unread.push({ path: path2, key, size: file.size });
            break;
          case "missing":
            notes.push(missingFileNote(path2));
            break;
          case "not-regular":
            unsafe.push({ path: path2, what: `is ${article(file.type)} in the image`, started: false });
            break;
          case "too-large":
            notes.push(
              `${path2} is ${file.size} bytes, over the ${MAX_ACCOUNT_FILE_BYTES}-byte limit`
            );
            break;
          case "unreadable":
            notes.push(`${path2} could not be read from the image: ${file.reason}`);
            break;
        }
        return null;
      })
    );
    return { files: { passwd: passwd ?? null, group: group ?? null, notes, unsafe }, unread };
  }
  /**
   * One file of a created container, symlinks resolved in the image: by the Engine API on
   * a local socket (api-container.ts), else `docker cp -L`, whose tar header is read first,
   * so anything but a regular file of at most `maxBytes` is recognised from 512 bytes and
   * the copy stopped there. `content: false` leaves a regular file's content unread on the
   * API (its stat gives the size); `docker cp` gives the content with the header, in the
   * one process it costs either way.
   */
  async readImageFile(container, path2, maxBytes, content = true) {
    if (this.socket) return readContainerFile(this.socket, container, path2, maxBytes, content);
    const reader = new FirstFileReader(maxBytes);
    const result = await this.exec(["cp", "-L", `${container}:${path2}`, "-"], {
      timeoutMs: 6e4,
      readStdout: (chunk) => reader.feed(chunk)
    });
    const { outcome, malformed } = reader;
    if (outcome) return outcome;
    if (malformed) return { kind: "unreadable", reason: `docker cp gave ${malformed}` };
    if (result.timedOut) throw dockerFailure(`docker cp ${path2}`, result);
    if (result.exitCode !== 0) {
      if (/sockets not supported/i.test(result.stderr))
        return { kind: "not-regular", type: "socket" };
      if (/could not find|no such file|not found|no such container:path/i.test(result.stderr))
        return { kind: "missing" };
      return {
        kind: "unreadable",
        reason: lastLines(result.stderr, 1) || `exit code ${result.exitCode}`
      };
    }
    return { kind: "unreadable", reason: "docker cp ended before the file was complete" };
  }
  /**
   * Creates the probe's container (the Engine API on a local socket, else `docker create`);
   * the caller judges the result (a hostile image can make it slow).
   */
  createContainer(spec, timeoutMs) {
    if (this.socket) return createContainer(this.socket, spec, timeoutMs);
    return this.exec(["create", ...createArgs(spec)], { timeoutMs });
  }
  copyInto(container, source, destination) {
    return this.exec(["cp", source, `${container}:${destination}`], { timeoutMs: 6e4 });
  }
  /** Starts a created container and waits for it, with its stdout and stderr apart. */
  startAttached(container, timeoutMs) {
    if (this.socket) {
      return startAttached(this.socket, container, timeoutMs, MAX_CONTAINER_OUTPUT_BYTES);
    }
    return this.exec(["start", "--attach", container], {
      timeoutMs,
      maxOutputBytes: MAX_CONTAINER_OUTPUT_BYTES
    });
  }
  /** Removes a container whatever its state, with its anonymous volumes; true when it is gone. */
  async removeContainer(container) {
    if (this.socket) return removeContainer(this.socket, container);
    const result = await this.exec(["rm", "--force", "--volumes", container], {
      timeoutMs: 6e4
    });
    return result.exitCode === 0 || /no such container/i.test(result.stderr);
  }
};
function article(type) {
  if (type === "other") return "not a regular file";
  return type === "fifo" ? "a FIFO" : `a ${type}`;
}
function storeOf(driverStatus) {
  return /io\.containerd\.snapshotter/.test(driverStatus) ? "containerd" : "classic";
}
function checkedEngine(os, arch, version) {
  if (os !== "linux") {
    throw new CheckError(
      "platform",
      `the Docker engine runs ${os} containers; nonroot-guard checks Linux images`,
      "Run on a Linux runner (runs-on: ubuntu-latest) or switch Docker Desktop to Linux containers."
    );
  }
  return { os, arch, version };
}
function buildArgs(request, iidFile, builder, secretFiles) {
  const args = builder.kind === "buildx" ? ["buildx", "build", ...builder.driver === "docker" ? [] : ["--load"]] : ["build"];
  args.push("--iidfile", iidFile, "--tag", request.tag);
  if (request.dockerfile) args.push("--file", request.dockerfile);
  if (request.target) args.push("--target", request.target);
  if (request.platform) args.push("--platform", request.platform);
  if (request.pull) args.push("--pull");
  for (const [key, value] of Object.entries(request.buildArgs)) {
    args.push("--build-arg", `${key}=${value}`);
  }
  for (const [id, file] of Object.entries(secretFiles)) {
    args.push("--secret", [`id=${id}`, `src=${file}`].map(csvField).join(","));
  }
  for (const spec of request.ssh) args.push("--ssh", spec);
  args.push(request.context);
  return args;
}
function csvField(field) {
  return /[",\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}
async function isFile(path2) {
  try {
    return (await stat2(path2)).isFile();
  } catch {
    return false;
  }
}
function dockerFailure(what, result) {
  const reason = result.timedOut ? "timed out" : lastLines(result.stderr, 5) || `exit code ${result.exitCode}`;
  const workdir = /Cannot mkdir: (.+) is not a directory/.exec(result.stderr);
  if (workdir) {
    return new CheckError(
      "docker",
      `${what} failed: the image's WORKDIR ${workdir[1]} is not a directory, so no container can be created from it (docker: ${reason})`,
      "Fix the image: WORKDIR must be a directory; a later layer replaced it with a file or a device node."
    );
  }
  return new CheckError("docker", `${what} failed: ${reason}`, ENGINE_HEALTHY_HINT);
}

// src/source/docker/probe-container.ts
import { randomBytes as randomBytes5 } from "node:crypto";
function defaultTransfer(env = process.env) {
  const forced = environmentValue(PROBE_TRANSFER, env);
  if (forced) return forced;
  const host = env["DOCKER_HOST"];
  return host && !host.startsWith("unix://") ? "copy" : "mount";
}
var CLI_LOG_LINE = /^time="[^"]*" level=\w+ msg=.*$/;
function failureReason(result, limits, arch) {
  const answer = result.stderr.split("\n").filter((line) => !CLI_LOG_LINE.test(line)).join("\n");
  const stderr = lastLines(answer, 3);
  if (result.timedOut) {
    return `the probe did not finish within ${limits.timeoutMs / 1e3} s and was stopped`;
  }
  if (/exec format error/i.test(stderr)) {
    return `the probe cannot execute in this container (exec format error) on this ${arch} engine`;
  }
  if (result.exitCode === 137) {
    return `the probe was killed (exit 137), most likely out of memory under its ${limits.memory} limit`;
  }
  return `the probe container failed (exit code ${result.exitCode})${stderr ? `: ${stderr}` : ""}`;
}
function mountDidNotReach(created) {
  return /bind source path does not exist/i.test(created.stderr);
}
function withPrinted(read, output, shown) {
  const files = { ...read.files };
  const unread = [];
  for (const file of read.unread) {
    const text3 = shown?.[file.key] ?? null;
    if (text3 !== null && output.identity[file.key] === "ok" && Buffer.byteLength(text3, "utf8") === file.size) {
      files[file.key] = text3;
    } else {
      unread.push(file);
    }
  }
  return { files, unread };
}
var CLEANUP_GRACE_MS = 15e3;
var SLOW_CREATE_MS = 2e3;
var TIMED_OUT = /* @__PURE__ */ Symbol("timed out");
function beforeDeadline(work, deadline) {
  let timer;
  const timeout = new Promise((resolve4) => {
    timer = setTimeout(() => resolve4(TIMED_OUT), Math.max(0, deadline - Date.now()));
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
async function runProbe(docker, image, ports, engineArch, options = {}) {
  const limits = options.limits ?? probeLimits();
  const started = Date.now();
  const notes = [];
  const failed = (reason, container, accountFiles) => ({
    ok: false,
    reason,
    elapsedMs: Date.now() - started,
    container,
    accountFiles,
    notes
  });
  const cannotPass = unpassable(image);
  if (cannotPass) return failed(cannotPass, "", null);
  const binary = options.binary ?? probeBinary(engineArch);
  const ownPath = probePath();
  const probeArgs = [...probeArguments(image, ports, ownPath), ACCOUNT_FILES_FLAG];
  const deadline = started + limits.timeoutMs;
  const timedOut = (container, accountFiles) => failed(
    `the probe did not finish within ${limits.timeoutMs / 1e3} s and was stopped`,
    container,
    accountFiles
  );
  const attempt = async (transfer2) => {
    const container = `nonroot-guard-probe-${randomBytes5(6).toString("hex")}`;
    const createStarted = Date.now();
    const create = docker.createContainer(
      {
        name: container,
        image: image.id,
        platform: options.platform,
        entrypoint: ownPath,
        args: probeArgs,
        limits,
        mountSource: transfer2 === "mount" ? binary : void 0
      },
      limits.timeoutMs + CLEANUP_GRACE_MS
    );
    let accountFiles = null;
    try {
      const created = await beforeDeadline(create, deadline);
      if (created === TIMED_OUT) {
        const late = await create;
        const made = late.exitCode === 0 && !late.timedOut;
        return timedOut(
          container,
          made ? (await docker.readAccountFilesOf(container)).files : null
        );
      }
      if (created.exitCode !== 0) {
        if (transfer2 === "mount" && mountDidNotReach(created)) return "mount-did-not-reach";
        throw dockerFailure(`docker create ${image.ref}`, created);
      }
      const createMs = Date.now() - createStarted;
      if (createMs > SLOW_CREATE_MS && image.volumes.length > 0) {
        notes.push(
          `creating the probe container took ${(createMs / 1e3).toFixed(1)} s: docker first copies the image's files at VOLUME ${image.volumes.join(", ")} into new anonymous volumes`
        );
      }
      if (transfer2 === "copy") {
        const copied2 = await docker.copyInto(container, binary, ownPath);
        if (copied2.exitCode !== 0) {
          return failed(failureReason(copied2, limits, engineArch), container, accountFiles);
        }
      }
      const read = await docker.readAccountFilesOf(container, { content: false });
      const beforeStart = async () => read.unread.length === 0 ? read.files : (await docker.readAccountFilesOf(container)).files;
      if (read.files.unsafe.length > 0) {
        const what = read.files.unsafe.map((file) => `${file.path} ${file.what}`).join("; ");
        return failed(
          `no container of the image was started: ${what}, and the Docker daemon itself opens it to start any container`,
          container,
          await beforeStart()
        );
      }
      if (Date.now() >= deadline) return timedOut(container, await beforeStart());
      accountFiles = read.unread.length === 0 ? read.files : null;
      const result2 = await docker.startAttached(container, deadline - Date.now());
      if (result2.timedOut) return timedOut(container, accountFiles);
      if (result2.exitCode !== 0) {
        return failed(failureReason(result2, limits, engineArch), container, accountFiles);
      }
      try {
        const { output, shown } = parseProbeDocument(result2.stdout);
        const printed = withPrinted(read, output, shown);
        const files = printed.unread.length === 0 ? printed.files : await docker.readAccountFiles(image.id, options.platform);
        files.unsafe.push(...differentInside(output, shown, files));
        const elapsedMs = Date.now() - started;
        return { ok: true, output, accountFiles: files, elapsedMs, transfer: transfer2, notes };
      } catch (error) {
        return failed(
          `the probe's output could not be read: ${error.message}`,
          container,
          accountFiles
        );
      }
    } finally {
      const pending = await create.catch(() => null);
      const removed = await docker.removeContainer(container);
      if (!removed || pending?.timedOut) {
        notes.push(
          `the probe container ${container} may be left behind: remove it with \`docker rm --force --volumes ${container}\``
        );
      }
    }
  };
  const transfer = options.transfer ?? defaultTransfer();
  const result = await attempt(transfer);
  if (result !== "mount-did-not-reach") return result;
  const copied = await attempt("copy");
  if (copied === "mount-did-not-reach") throw new Error("the copy transfer mounts nothing");
  return copied;
}

// src/source/docker/source.ts
var DockerSource = class {
  constructor(docker = new Docker()) {
    this.docker = docker;
  }
  docker;
  engine() {
    return this.docker.engine();
  }
  inspect(ref) {
    return this.docker.inspect(ref);
  }
  inspectPlatform(image, platform) {
    return this.docker.inspectPlatform(image, platform);
  }
  platforms(image) {
    return this.docker.platforms(image);
  }
  pull(ref, platform) {
    return this.docker.pull(ref, platform);
  }
  build(request) {
    return this.docker.build(request);
  }
  removeImage(ref) {
    return this.docker.removeImage(ref);
  }
  readAccountFiles(ref, platform) {
    return this.docker.readAccountFiles(ref, platform);
  }
  runProbe(request) {
    return runProbe(this.docker, request.image, request.ports, request.engineArch, {
      limits: request.limits,
      binary: request.binary,
      platform: request.platform
    });
  }
};

// src/options/schemas.ts
var text2 = optional(
  pipe(
    string(),
    transform((value) => value.trim() || void 0)
  )
);
var buildArg = string().check(
  refine((value) => /^[A-Za-z_][A-Za-z0-9_]*=/.test(value), {
    message: "expected KEY=VALUE (e.g. APP_VERSION=1.2)"
  })
);
function idValue(expected) {
  return string().check(
    refine((value) => /^[A-Za-z0-9_.-]+=/.test(value), { message: `expected ${expected}` })
  );
}
function splitPairs(entries) {
  return Object.fromEntries(
    entries.map((entry) => {
      const eq = entry.indexOf("=");
      return [entry.slice(0, eq), entry.slice(eq + 1)];
    })
  );
}
var PLATFORM = /^[a-z0-9][a-z0-9._-]*\/[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)?$/;
var platforms = optional(
  pipe(
    string(),
    transform((value) => {
      const list = value.split(/[,\n]/).map((entry) => entry.trim()).filter((entry) => entry !== "");
      return list.length > 0 ? [...new Set(list)] : void 0;
    })
  ).check(
    refine((list) => list === void 0 || list.every((entry) => PLATFORM.test(entry)), {
      message: "expected os/arch[/variant], comma-separated (e.g. linux/amd64,linux/arm64)"
    })
  )
);
var booleanText = union([
  boolean(),
  pipe(
    _enum(["true", "True", "TRUE", "false", "False", "FALSE", ""]),
    transform((value) => value.toLowerCase() === "true")
  )
]);
var SCHEMAS = {
  image: text2,
  context: text2,
  dockerfile: text2,
  target: text2,
  // KEY=VALUE lines in, a record out (the first '=' splits).
  "build-args": pipe(
    _default(array(buildArg), []),
    transform((entries) => splitPairs(entries))
  ),
  // ID=VALUE lines in, a record out; the values are secrets and are never logged.
  secrets: pipe(
    _default(array(idValue("ID=VALUE (e.g. npm_token=\u2026)")), []),
    transform((entries) => splitPairs(entries))
  ),
  "secret-files": pipe(
    _default(array(idValue("ID=PATH (e.g. npmrc=.npmrc)")), []),
    transform((entries) => splitPairs(entries))
  ),
  // `default`, `default=PATH`, `ID=PATH[,PATH…]`: docker build's --ssh as it is.
  ssh: _default(
    array(
      string().check(
        _trim(),
        refine((value) => /^[A-Za-z0-9_.-]+(=.+)?$/.test(value), {
          message: "expected default or ID=PATH (e.g. default=/run/ssh-agent.sock)"
        })
      )
    ),
    []
  ),
  platform: platforms,
  pull: _default(booleanText, false),
  "keep-image": _default(booleanText, false),
  "build-command": text2,
  policy: text2,
  // No default here: unset means the policy file's preset, whose default is baseline.
  preset: optional(_enum(PRESETS)),
  manifests: _default(array(string().check(_trim(), _minLength(1))), []),
  "manifest-image": text2,
  "fail-on": _default(_enum(FAIL_ON), "error"),
  probe: _default(_enum(PROBE_MODES), "required"),
  // The action's only: where to write SARIF (unset: a file in RUNNER_TEMP).
  "sarif-file": text2,
  // The action's only: how the report reaches the pull request.
  comment: _default(_enum(COMMENT_MODES), "auto"),
  "comment-id": text2,
  suggestions: _default(booleanText, true),
  "github-token": text2,
  // Post this JSON report (another run's) instead of checking: the fork-safe recipe.
  "report-file": text2,
  "pr-number": optional(
    pipe(
      union([number(), string().check(_trim())]),
      transform((value) => value === "" ? void 0 : Number(value))
    ).check(
      refine((value) => value === void 0 || Number.isSafeInteger(value) && value > 0, {
        message: "expected a pull request number, e.g. 42"
      })
    )
  )
};
var optionsSchema = strictObject(SCHEMAS);

// src/options/parse.ts
var camelCase = (key) => key.replace(/-([a-z])/g, (_, letter) => letter.toUpperCase());
function optionName(key, flagPrefix) {
  return flagPrefix === "--" ? `--${key}` : `input "${key}"`;
}
function parseOptions(raw, flagPrefix) {
  const result = optionsSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    const key = String(issue.path[0] ?? "");
    const name = optionName(key, flagPrefix);
    throw new CheckError("usage", `${name}: ${issue.message}`, usageHint(key));
  }
  const options = result.data;
  if (options["report-file"]) {
    const checking = ["image", "context", "dockerfile", "build-command"].find(
      (key) => options[key]
    );
    if (checking) {
      throw new CheckError(
        "usage",
        `input "report-file" posts a report and checks nothing; it cannot go with "${checking}"`,
        "Use report-file in the workflow that posts (workflow_run), and image/context in the one that checks."
      );
    }
  } else if (!options.image && !options.context && !options["build-command"]) {
    throw new CheckError(
      "usage",
      "nothing to check: give an image, a build context, or both",
      flagPrefix === "--" ? "Use --image REF to check an existing image, or --context DIR to build one." : 'Set the input "image" to check an existing image, or "context" to build one.'
    );
  }
  if (options.image && !isImageReference(options.image)) {
    throw new CheckError(
      "usage",
      `${optionName("image", flagPrefix)}: ${JSON.stringify(options.image)} is not an image reference`,
      "Give an image name such as app:1.0 or ghcr.io/org/app:pr-42 (lowercase, no spaces), or an image id."
    );
  }
  if (options["build-command"] && !options.image) {
    throw new CheckError(
      "usage",
      `${flagPrefix}build-command needs ${flagPrefix}image: the name of the image the command produces`,
      "Name the image your command tags, e.g. image: myapp:pr (and -p:ContainerRepository=myapp for dotnet publish)."
    );
  }
  return Object.fromEntries(
    Object.entries(options).map(([key, value]) => [camelCase(key), value])
  );
}
function usageHint(key) {
  switch (key) {
    case "preset":
      return `Use one of: ${PRESETS.join(", ")}.`;
    case "fail-on":
      return `Use one of: ${FAIL_ON.join(", ")}.`;
    case "probe":
      return `Use one of: ${PROBE_MODES.join(", ")}.`;
    case "comment":
      return `Use one of: ${COMMENT_MODES.join(", ")}.`;
    case "pull":
    case "suggestions":
      return "Use true or false.";
    case "pr-number":
      return "Give the number only, e.g. pr-number: ${{ steps.pr.outputs.number }}.";
    case "build-args":
      return "Give one KEY=VALUE per line (action) or per --build-arg flag (CLI).";
    default:
      return void 0;
  }
}

// src/report/json.ts
function renderJson(report) {
  return `${JSON.stringify(report, null, 2)}
`;
}

// src/report/describe.ts
function describeUser(report) {
  const { config: config2, uid, gid, name, startError } = report.user;
  const shown = `"${config2}"`;
  if (uid === null) return `${shown} \u2192 the container cannot start: ${startError ?? "unresolved"}`;
  const who = uid === 0 ? "root" : name;
  return `${shown} \u2192 uid ${uid}, gid ${gid ?? "?"}${who ? ` (${who})` : ""}`;
}
function describeCounts(report) {
  const { error, warning, notice } = report.summary;
  const parts = [
    [error, "error"],
    [warning, "warning"],
    [notice, "notice"]
  ].filter(([count]) => count > 0).map(([count, word]) => `${count} ${word}${count === 1 ? "" : "s"}`);
  return parts.length > 0 ? parts.join(", ") : "no findings";
}
function shortId(id) {
  return id.replace(/^sha256:/, "").slice(0, 12);
}
function findingPlatforms(report, finding) {
  return report.platforms.length > 1 && finding.platforms.length > 0 ? finding.platforms.join(", ") : null;
}
function describePlatform(entry) {
  if (entry.verdict === "not-checked") {
    return { platform: entry.platform, verdict: "not checked", detail: entry.reason ?? "" };
  }
  const counts = entry.summary ? describeCounts({ summary: entry.summary }) : "no findings";
  const user = entry.user;
  const who = user && user.uid !== null ? `uid ${user.uid}${user.name ? ` (${user.name})` : ""}` : user?.startError ? "cannot start as its user" : "user unknown";
  const blocked = entry.reason ? `; ${entry.reason}` : "";
  return {
    platform: entry.platform,
    verdict: entry.verdict === "pass" ? "pass" : "FAIL",
    detail: `${counts}; ${who}${blocked}`
  };
}
function locationText(location) {
  return location ? `${location.file}:${location.line}` : "image";
}
function describeProbe(report) {
  const probe = report.probe;
  if (probe.status === "failed") return `did not run: ${probe.reason}`;
  if (probe.status === "user-error") return probe.reason;
  const runtime = report.runtime;
  const who = runtime.name ? `uid ${runtime.uid} (${runtime.name})` : `uid ${runtime.uid}`;
  return `ran as ${who}, walked ${runtime.walk.entries} entries in ${runtime.walk.elapsedMs} ms${runtime.walk.truncated ? " (incomplete)" : ""}; ${probe.elapsedMs} ms in all`;
}
function describePolicy(report) {
  const { preset, presetSource, file, failOn, probe } = report.policy;
  const source = presetSource === "input" ? "given as input" : presetSource === "file" ? `from ${file}` : "default";
  const fileNote = file && presetSource !== "file" ? `; policy file ${file}` : "";
  return `preset ${preset} (${source}), fail on ${failOn}, probe ${probe}${fileNote}`;
}
function describePolicyChanges(report) {
  const lines = report.policy.overrides.map(
    (override) => `override ${override.rule} ${override.name}: ${override.preset} \u2192 ${override.level}`
  );
  for (const ignored of report.policy.ignored) {
    const where2 = ignored.path ? ` in ${ignored.path}` : "";
    const until = ignored.expires ? ` until ${ignored.expires}` : "";
    lines.push(
      `ignored ${ignored.count} ${ignored.rule} finding${ignored.count === 1 ? "" : "s"}${where2}${until}: ${ignored.reason}`
    );
  }
  return lines;
}
function rulesBy(entries) {
  const groups = /* @__PURE__ */ new Map();
  for (const { key, rule } of entries) {
    if (!key) continue;
    const rules = groups.get(key) ?? [];
    if (!rules.includes(rule)) rules.push(rule);
    groups.set(key, rules);
  }
  return [...groups].map(([key, rules]) => ({ key, rules }));
}
function distinctDiffs(report) {
  return rulesBy(report.findings.map((f) => ({ key: f.fix?.diff, rule: f.rule }))).map(
    ({ key, rules }) => ({ diff: key, rules })
  );
}
function distinctFixes(report) {
  return rulesBy(report.findings.map((f) => ({ key: f.fix?.summary, rule: f.rule }))).map(
    ({ key, rules }) => ({ summary: key, rules })
  );
}
function skippedByReason(report) {
  return rulesBy(report.skipped.map((s) => ({ key: s.reason, rule: s.rule }))).map(
    ({ key, rules }) => ({ rules, reason: key })
  );
}

// src/report/escape.ts
var SPECIAL = /[\\`*_{}[\]()#+\-.!|<>&"'@~:=$%^\r\n\t]/g;
function entities(value) {
  return value.replace(
    SPECIAL,
    (char) => char === "\n" || char === "\r" || char === "	" ? " " : `&#${char.charCodeAt(0)};`
  );
}
var JOINER = "\u2060";
function unlinkable(value) {
  return value.replace(/[@#]/g, (char) => char + JOINER).replace(/:\/\//g, `:${JOINER}//`).replace(/\b(www)\./gi, `$1${JOINER}.`);
}
var INVISIBLE_CHARACTERS = "\\u2028\\u2029\\p{Cf}";
var INVISIBLE = new RegExp(`[${INVISIBLE_CHARACTERS}]`, "gu");
function showInvisible(value) {
  return value.replace(
    INVISIBLE,
    (char) => `<U+${char.codePointAt(0).toString(16).toUpperCase().padStart(4, "0")}>`
  );
}
function markdownText(value) {
  return entities(unlinkable(showInvisible(value)));
}
function markdownCode(value) {
  return `<code>${entities(showInvisible(value))}</code>`;
}
function markdownProse(value) {
  const escaped = markdownText(value);
  if ((value.match(/`/g)?.length ?? 0) % 2 === 1) return escaped;
  return escaped.replace(/&#96;(.+?)&#96;/g, "<code>$1</code>");
}

// src/report/runtime-facts.ts
var none = (items) => items.length > 0 ? items.join(", ") : "none";
function counted(list, shown) {
  return list.count === 0 ? "none" : `${list.count}: ${listSome(shown, list.count, shown.length)}`;
}
function runtimeFactRows(runtime) {
  const writablePaths = runtime.paths.filter((path2) => path2.writable).map((path2) => path2.path);
  return [
    {
      fact: "identity",
      value: `uid ${runtime.uid}, gid ${runtime.gid}, groups ${none(runtime.groups.map(String))}${runtime.name ? `, ${runtime.name}` : ""}`,
      meaning: "who the process is once the runtime applied the image user"
    },
    {
      fact: "home",
      value: runtime.home ?? "unknown",
      meaning: "what HOME will be (/ without a passwd entry)"
    },
    {
      fact: "capabilities",
      value: `effective ${none(runtime.capabilities.effective)}; permitted ${none(runtime.capabilities.permitted)}`,
      meaning: "root's powers the process holds under Docker's defaults"
    },
    {
      fact: "writable checked paths",
      value: none(writablePaths),
      meaning: "of /, /bin, /sbin, /usr, /lib, /etc, /tmp, HOME, WORKDIR and the executable: what the user can modify"
    },
    {
      fact: "writable directories",
      value: counted(runtime.writableDirs, runtime.writableDirs.items.slice(0, 10)),
      meaning: "every directory in the image the user can create files in"
    },
    {
      fact: "setuid/setgid files",
      value: counted(
        runtime.setid,
        runtime.setid.items.slice(0, 10).map((item) => item.path)
      ),
      meaning: "files that run with their owner's or group's rights, anywhere in the image"
    },
    {
      fact: "file capabilities",
      value: counted(
        runtime.fileCaps,
        runtime.fileCaps.items.slice(0, 10).map((item) => item.path)
      ),
      meaning: "files that grant capabilities to whoever runs them"
    },
    {
      fact: "tools",
      value: none(runtime.tools.map((tool) => `${tool.kind} ${tool.path}`)),
      meaning: "shells, package managers and sudo/su/doas present"
    },
    {
      fact: "ports",
      value: none(
        runtime.ports.map(
          (port) => `${port.port}/${port.protocol} ${port.bindable ? "bindable" : `not bindable (${port.error})`}`
        )
      ),
      meaning: "declared ports, bound as the user with a Kubernetes node's unprivileged port start (1024)"
    },
    {
      fact: "walk",
      value: `${runtime.walk.entries} entries in ${runtime.walk.elapsedMs} ms${runtime.walk.truncated ? ", incomplete" : ""}; not scanned: ${counted(
        runtime.walk.unscanned,
        runtime.walk.unscanned.items.slice(0, 5).map((item) => `${item.path} (${item.reason})`)
      )}`,
      meaning: "how much of the filesystem the probe saw, and what it could not"
    }
  ];
}

// src/report/markdown.ts
var SEVERITY_ICON = { error: "\u{1F534} error", warning: "\u{1F7E0} warning", notice: "\u{1F535} notice" };
function renderMarkdown(report, options = {}) {
  const out = [];
  const icon = report.verdict === "pass" ? "\u2705" : "\u274C";
  out.push(
    `### ${icon} Non-root Guard: ${report.verdict} \u2014 ${markdownCode(report.image.ref)} (${describeCounts(report)})`,
    "",
    // The image is the table's header row: GitHub draws an empty header as a blank band.
    `| Image | ${markdownCode(report.image.ref)} ${markdownCode(shortId(report.image.id))} ${markdownText(report.image.platform)} |`,
    "|---|---|",
    `| User | ${userCell(report, options)} |`
  );
  if (report.dockerfile) {
    out.push(
      `| Dockerfile | ${where(report.dockerfile.path, report.dockerfile.finalStage.line, options)}, final stage FROM ${markdownCode(report.dockerfile.finalStage.base)} |`
    );
  }
  if (report.platforms.length > 1) {
    const rows = report.platforms.map((entry) => {
      const { platform, verdict, detail } = describePlatform(entry);
      const icon2 = entry.verdict === "pass" ? "\u2705" : entry.verdict === "fail" ? "\u274C" : "\u26AA";
      return `${icon2} ${markdownCode(platform)} ${markdownText(verdict)}: ${markdownText(detail)}`;
    });
    out.push(`| Platforms | ${rows.join("<br>")} |`);
  }
  out.push(`| Probe | ${markdownText(describeProbe(report))} |`);
  if (report.blocked) out.push(`| Blocked | ${markdownText(report.blocked)} |`);
  out.push(`| Policy | ${markdownText(describePolicy(report))} |`);
  for (const change of describePolicyChanges(report)) out.push(`| | ${markdownText(change)} |`);
  out.push("");
  if (report.findings.length > 0) {
    const shown = report.findings.slice(0, options.maxFindings ?? report.findings.length);
    out.push("| Severity | Rule | Where | What |", "|---|---|---|---|");
    for (const finding of shown) {
      const location = finding.location ? where(finding.location.file, finding.location.line, options, report.dockerfile?.path) : "image";
      const platforms2 = findingPlatforms(report, finding);
      const on = platforms2 ? `<br><sub>${markdownText(platforms2)}</sub>` : "";
      out.push(
        `| ${SEVERITY_ICON[finding.severity]} | ${finding.rule}<br><sub>${finding.name}</sub> | ${location}${on} | ${markdownProse(finding.message)} |`
      );
    }
    const hidden = report.findings.length - shown.length;
    if (hidden > 0) out.push(`| | | | \u2026and ${hidden} more |`);
    out.push("");
    if (!options.brief) out.push(...fixSection(report));
  }
  if (options.brief) return out.join("\n");
  if (report.runtime) {
    out.push("<details><summary>Runtime facts (from the probe)</summary>", "");
    out.push("| Fact | Value | What it means |", "|---|---|---|");
    for (const row of runtimeFactRows(report.runtime)) {
      out.push(`| ${row.fact} | ${markdownText(row.value)} | ${row.meaning} |`);
    }
    out.push("", "</details>", "");
  }
  if (report.notes.length > 0 || report.skipped.length > 0) {
    out.push("<details><summary>Notes</summary>", "");
    for (const { rules, reason } of skippedByReason(report))
      out.push(`- skipped ${rules.join(", ")}: ${markdownText(reason)}`);
    for (const note of report.notes) out.push(`- ${markdownText(note)}`);
    out.push("", "</details>", "");
  }
  return out.join("\n");
}
function userCell(report, options) {
  const { uid, gid, name, startError } = report.user;
  const set = report.dockerfile?.user;
  const source = set ? `${markdownCode(`USER ${set.raw}`)} (${where(report.dockerfile.path, set.line, options, report.dockerfile.path)})` : report.user.config === "" ? "not set" : `${markdownCode(report.user.config)} (from the base image)`;
  if (uid === null) {
    return `${source} \u2192 the container cannot start: ${markdownCode(startError ?? "unresolved")}`;
  }
  const who = uid === 0 ? "root" : name;
  return `${source} \u2192 uid ${uid}, gid ${gid ?? "?"}${who ? ` (${markdownText(who)})` : ""}`;
}
function where(file, line, options, known) {
  const text3 = file === known ? `line ${line}` : markdownCode(`${file}:${line}`);
  return options.lineUrl ? `<a href="${escapeAttribute(options.lineUrl(file, line))}">${text3}</a>` : text3;
}
function escapeAttribute(url) {
  return url.replace(/[&"<>]/g, (char) => `&#${char.charCodeAt(0)};`);
}
function fixSection(report) {
  const fixes = distinctFixes(report);
  if (fixes.length === 0) return [];
  const out = ["**How to fix**", ""];
  for (const { summary, rules } of fixes) {
    out.push(`- **${rules.join(", ")}** ${markdownProse(summary)}`);
  }
  out.push("");
  const diffs = distinctDiffs(report);
  for (const { diff, rules } of diffs) {
    out.push(
      `<details${diffs.length === 1 ? " open" : ""}><summary>${rules.join(", ")}: the change, as a diff (<code>git apply</code> accepts it)</summary>`,
      "",
      ...fenced(diff, "diff"),
      "",
      "</details>",
      ""
    );
  }
  return out;
}
function fenced(raw, language) {
  const content = showInvisible(raw);
  const longest = Math.max(0, ...[...content.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = "`".repeat(Math.max(3, longest + 1));
  return [`${fence}${language}`, content.replace(/\n$/, ""), fence];
}

// src/report/sarif.ts
import { createHash } from "node:crypto";
var LEVEL = {
  error: "error",
  warning: "warning",
  notice: "note"
};
var SECURITY_SEVERITY = {
  error: "7.5",
  warning: "5.0",
  notice: "3.0",
  off: "2.0"
};
function ruleDescriptor(rule) {
  return {
    id: rule.id,
    name: rule.name,
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.rationale },
    help: {
      text: `${rule.rationale}

How to fix: ${rule.howToFix}`,
      markdown: `${rule.rationale}

**How to fix:** ${rule.howToFix}`
    },
    defaultConfiguration: {
      level: rule.levels.baseline === "off" ? "none" : LEVEL[rule.levels.baseline]
    },
    properties: {
      "security-severity": SECURITY_SEVERITY[rule.levels.baseline],
      tags: ["security", "container", "non-root"]
    }
  };
}
function fingerprint(rule, file, message) {
  return createHash("sha256").update(`${rule}\0${file}\0${message}`).digest("hex").slice(0, 32);
}
function renderSarif(report) {
  const index = new Map(RULES.map((rule, position) => [rule.id, position]));
  const results = report.findings.filter((finding) => finding.location !== null).map((finding) => {
    const location = finding.location;
    const fix = finding.fix ? `
Fix: ${finding.fix.summary}` : "";
    const platforms2 = findingPlatforms(report, finding);
    return {
      ruleId: finding.rule,
      ruleIndex: index.get(finding.rule),
      level: LEVEL[finding.severity],
      message: { text: `${platforms2 ? `On ${platforms2}: ` : ""}${finding.message}${fix}` },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: uriReference(location.file) },
            region: { startLine: location.line }
          }
        }
      ],
      partialFingerprints: {
        "nonrootGuard/v1": fingerprint(finding.rule, location.file, finding.message)
      },
      ...platforms2 ? { properties: { platforms: finding.platforms } } : {}
    };
  });
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            rules: RULES.map(ruleDescriptor)
          }
        },
        // One category per image, so a matrix of images does not overwrite itself.
        automationDetails: { id: `nonroot-guard/${report.image.ref}/` },
        results
      }
    ]
  };
  return `${JSON.stringify(log, null, 2)}
`;
}
function uriReference(path2) {
  return path2.split("/").map(encodeURIComponent).join("/");
}

// src/report/text.ts
var UNSAFE = new RegExp(`[\\u0000-\\u001f\\u007f-\\u009f${INVISIBLE_CHARACTERS}]`, "gu");
function safe(value) {
  return value.replace(UNSAFE, (char) => {
    if (char === "\n") return "\\n";
    if (char === "	") return "\\t";
    if (char === "\r") return "\\r";
    const code = char.codePointAt(0);
    return code < 256 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u{${code.toString(16)}}`;
  });
}
function renderText(report) {
  const lines = [];
  const verdict = report.verdict === "pass" ? "PASS" : "FAIL";
  lines.push(`${verdict}  ${safe(report.image.ref)}: ${describeCounts(report)}`);
  if (report.blocked) lines.push(`  blocked     ${safe(report.blocked)}`);
  lines.push(
    `  image       ${safe(report.image.ref)} (${shortId(report.image.id)}, ${safe(report.image.platform)})`
  );
  if (report.platforms.length > 1) {
    const width = Math.max(...report.platforms.map((entry) => entry.platform.length));
    report.platforms.forEach((entry, index) => {
      const { platform, verdict: verdict2, detail } = describePlatform(entry);
      lines.push(
        `  ${index === 0 ? "platforms " : "          "}  ${safe(platform.padEnd(width))}  ${verdict2}  ${safe(detail)}`
      );
    });
  }
  lines.push(`  user        ${safe(describeUser(report))}`);
  if (report.dockerfile) {
    const { path: path2, finalStage } = report.dockerfile;
    lines.push(
      `  dockerfile  ${safe(path2)} (final stage${finalStage.name ? ` "${safe(finalStage.name)}"` : ""} FROM ${safe(finalStage.base)}, line ${finalStage.line})`
    );
  }
  lines.push(`  probe       ${safe(describeProbe(report))}`);
  lines.push(`  policy      ${safe(describePolicy(report))}`);
  for (const change of describePolicyChanges(report)) lines.push(`              ${safe(change)}`);
  const diffs = distinctDiffs(report);
  const shown = /* @__PURE__ */ new Set();
  for (const finding of report.findings) {
    lines.push("");
    const platforms2 = findingPlatforms(report, finding);
    lines.push(
      `${finding.severity.padEnd(8)}${finding.rule} ${finding.name}  ${safe(locationText(finding.location))}${platforms2 ? `  [${safe(platforms2)}]` : ""}`
    );
    lines.push(`  ${safe(finding.message)}`);
    if (finding.fix) lines.push(`  fix: ${safe(finding.fix.summary)}`);
    const diff = finding.fix?.diff;
    if (diff && shown.has(diff)) {
      const first = diffs.find((group) => group.diff === diff).rules[0];
      lines.push(`    (the same change as ${first} above)`);
    } else if (diff) {
      shown.add(diff);
      for (const line of diff.replace(/\n$/, "").split("\n")) lines.push(`    ${safe(line)}`);
    }
  }
  if (report.skipped.length > 0) {
    lines.push("");
    for (const { rules, reason } of skippedByReason(report)) {
      lines.push(`skipped ${rules.join(", ")}: ${safe(reason)}`);
    }
  }
  if (report.notes.length > 0) {
    lines.push("");
    for (const note of report.notes) lines.push(`note: ${safe(note)}`);
  }
  return `${lines.join("\n")}
`;
}

// src/shared/version.ts
var VERSION = true ? "0.1.0" : "0.0.0-dev";

// src/cli/command-line.ts
var HELP_FLAGS = [];
for (const { name, flag } of FLAG_OPTIONS) {
  if (name === "fail-on") HELP_FLAGS.push(...CLI_FLAGS);
  HELP_FLAGS.push({ ...flag, name });
}
function synopsis() {
  const words = HELP_FLAGS.map((flag) => {
    const value = flag.choices ?? flag.value;
    return `[--${flag.name}${value ? ` ${value}` : ""}]${flag.multiple ? "..." : ""}`;
  });
  const first = "  nonroot-guard check ";
  const lines = [];
  let line = first;
  for (const word of words) {
    if (line.length + word.length > 86 && line.trim() !== "nonroot-guard check") {
      lines.push(line.trimEnd());
      line = " ".repeat(first.length);
    }
    line += `${word} `;
  }
  lines.push(line.trimEnd());
  return lines.join("\n");
}
function flagHelp() {
  const column = 23;
  return HELP_FLAGS.flatMap((flag) => {
    const head = `  --${flag.name}${flag.value ? ` ${flag.value}` : ""}`;
    const [first = "", ...rest] = flag.help;
    return [
      `${head.padEnd(column - 1)} ${first}`,
      ...rest.map((line) => `${" ".repeat(column)}${line}`)
    ];
  }).join("\n");
}
var USAGE = `Usage:
${synopsis()}
  nonroot-guard --version | --help

Checks that a container image runs as non-root: its user, resolved as the
runtime and the Kubernetes kubelet resolve it, with each finding on the
Dockerfile line that causes it.

${flagHelp()}

Exit codes: 0 pass, 1 the policy failed, 2 a usage, input or tool error.`;
var FORMATS = ["text", "json", "markdown", "sarif"];
function render(report, format) {
  switch (format) {
    case "json":
      return renderJson(report);
    case "markdown":
      return renderMarkdown(report);
    case "sarif":
      return renderSarif(report);
    default:
      return renderText(report);
  }
}
function parseCommandLine(argv) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, strict: true, options: FLAGS });
  } catch (error) {
    const { code, message } = error;
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
      const flag = /'([^']+)'/.exec(message)?.[1] ?? "";
      const guess = nearest(flag.replace(/^-+/, ""), Object.keys(FLAGS));
      throw new CheckError(
        "usage",
        `unknown flag ${flag}${guess ? ` (did you mean --${guess}?)` : ""}`,
        "Run nonroot-guard --help for the flags."
      );
    }
    throw new CheckError("usage", message, "Run nonroot-guard --help for the flags.");
  }
}
async function runCli(argv, io) {
  try {
    const { values, positionals } = parseCommandLine(argv);
    if (values.help) {
      io.stdout(`${USAGE}
`);
      return 0;
    }
    if (values.version) {
      io.stdout(`nonroot-guard ${VERSION}
`);
      return 0;
    }
    if (positionals[0] !== "check" || positionals.length > 1) {
      throw new CheckError(
        "usage",
        positionals.length === 0 ? "missing command: check" : `unknown command or extra argument: ${positionals.join(" ")}`,
        "Run nonroot-guard check --image REF, or nonroot-guard --help."
      );
    }
    checkEnvironment();
    const format = values.format ?? "text";
    if (!FORMATS.includes(format)) {
      throw new CheckError(
        "usage",
        `--format: unknown format "${values.format}"`,
        "Use text, json, markdown or sarif."
      );
    }
    const raw = {};
    for (const { key, name } of FLAG_OPTIONS) raw[key] = values[name];
    const options = parseOptions(raw, "--");
    const report = await check(options, {
      source: new DockerSource(new Docker(runCommand, "docker", io.early, localEngineSocket())),
      runBuildCommand,
      log: io.stderr,
      cwd: io.cwd,
      version: VERSION
    });
    const rendered = render(report, format);
    const output = values["output"];
    if (typeof output === "string") {
      await writeFileWhole(output, rendered, "--output");
      io.stderr(`${report.verdict.toUpperCase()}: report written to ${output}
`);
    } else {
      io.stdout(rendered);
    }
    return report.verdict === "pass" ? 0 : 1;
  } catch (error) {
    io.stderr(`nonroot-guard: ${describeError(error)}
`);
    return 2;
  }
}
export {
  USAGE,
  runCli
};
