/**
 * Reads a Dockerfile into plain facts, evaluating ARG/ENV the way BuildKit
 * does, so a finding can name the line that decides the image's user.
 */
import { posix } from 'node:path';
import { Arg, DockerfileParser, Env, From, Keyword, type Instruction } from 'dockerfile-ast';
import { CheckError } from '../shared/errors.js';
import { lineOf, readCommand, readCopy, readRun, readWorkdir } from './instructions.js';
import { substitute, SubstitutionError, type Substitution } from './substitute.js';
import type {
  ArgInstruction,
  DockerfileFacts,
  ExposeInstruction,
  ParseOptions,
  StageFacts,
  UserInstruction,
  VolumeInstruction,
} from './types.js';

const KEYWORDS: ReadonlySet<string> = new Set(Object.values(Keyword));
const REFERENCE = 'https://docs.docker.com/reference/dockerfile/';

/**
 * BuildKit's automatic platform ARGs, in the global scope (a stage sees one after `ARG NAME`);
 * a build arg of the same name replaces one, as in BuildKit's dockerfile2llb.
 */
function platformArgs(platforms: ParseOptions['platforms']): Record<string, string> {
  if (!platforms) return {};
  const split = (platform: string) => {
    const [os = '', arch = '', variant = ''] = platform.split('/');
    return { os, arch, variant };
  };
  const target = split(platforms.target);
  const build = split(platforms.build);
  return {
    BUILDPLATFORM: platforms.build,
    BUILDOS: build.os,
    BUILDARCH: build.arch,
    BUILDVARIANT: build.variant,
    TARGETPLATFORM: platforms.target,
    TARGETOS: target.os,
    TARGETARCH: target.arch,
    TARGETVARIANT: target.variant,
  };
}

/** What a stage hands to stages built FROM it. */
interface StageEnd {
  /** ENV of the image: what `docker inspect` will show. */
  imageEnv: Map<string, string>;
  /** What substitution sees: BuildKit keeps ARG values here too, and a child stage inherits them. */
  scope: Map<string, string>;
  /** The WORKDIR in effect, or '' when no WORKDIR has set it (the base image's, unknown here). */
  workdir: string;
}

export function parseDockerfile(text: string, options: ParseOptions): DockerfileFacts {
  const dockerfile = DockerfileParser.parse(text);
  const file = new FileContext(options.path, dockerfile.getEscapeCharacter());
  const buildArgs = options.buildArgs ?? {};
  const { globals, groups } = splitStages(dockerfile.getInstructions(), file);

  const globalScope = new Map<string, string>();
  for (const [name, value] of Object.entries(platformArgs(options.platforms))) {
    globalScope.set(name, Object.hasOwn(buildArgs, name) ? buildArgs[name]! : value);
  }
  for (const arg of globals) {
    for (const { name, written } of argProperties(arg, file)) {
      const value = Object.hasOwn(buildArgs, name)
        ? buildArgs[name]
        : written === null
          ? undefined
          : file.expand(written, globalScope, arg).value;
      if (value !== undefined) globalScope.set(name, value);
    }
  }

  // Stage names are visible only to later FROM lines, so a self or forward reference is an image.
  const byName = new Map<string, number>();
  const stages = groups.map(({ from, body }, index) => {
    const stage = declareStage(from, body, index, byName, globalScope, file);
    if (stage.name !== null) byName.set(stage.name, index);
    return stage;
  });
  for (const [index, stage] of stages.entries()) {
    const next = stages[index + 1];
    if (next) stage.endLine = next.line - 1;
  }

  const finalStage = pickFinal(stages, byName, options.target, file);
  const chain = [finalStage];
  for (let s = finalStage; s.baseStage !== null; s = chain[0]!) chain.unshift(stages[s.baseStage]!);
  const rootBase = chain[0]!.base;

  const inputs = { buildArgs, globalScope, file };
  const ends: StageEnd[] = [];
  for (const [index, stage] of stages.entries()) {
    const parent = stage.baseStage === null ? undefined : ends[stage.baseStage];
    const start = startOf(stage, parent, rootBase, options.baseEnv);
    ends.push(runStage(stage, groups[index]!.body, start, inputs));
  }

  const effectiveUser = chain.map((s) => s.users.at(-1)).findLast((u) => u !== undefined) ?? null;
  const env = Object.fromEntries(ends[finalStage.index]!.imageEnv);
  // The final stage's end already carries WORKDIRs from the stages it is built FROM.
  const finalWorkdir = ends[finalStage.index]!.workdir;
  return {
    path: options.path,
    stages,
    finalStage,
    chain,
    rootBase,
    effectiveUser,
    env,
    finalWorkdir,
    text,
  };
}

/** Error messages and substitution carry the file and line, which is what the user can act on. */
class FileContext {
  constructor(
    readonly path: string,
    readonly escape: string,
  ) {}

  at(ins: Instruction): string {
    return `Dockerfile ${this.path}, line ${lineOf(ins)}`;
  }

  fail(ins: Instruction, problem: string, hint: string): never {
    throw new CheckError('input', `${this.at(ins)}: ${problem}`, hint);
  }

  expand(word: string, scope: ReadonlyMap<string, string>, ins: Instruction): Substitution {
    try {
      return substitute(word, scope, this.escape);
    } catch (error) {
      if (!(error instanceof SubstitutionError)) throw error;
      this.fail(
        ins,
        `${error.message} in "${word}"`,
        `fix the variable reference; see ${REFERENCE}#environment-replacement`,
      );
    }
  }
}

function splitStages(instructions: Instruction[], file: FileContext) {
  const globals: Arg[] = [];
  const groups: { from: From; body: Instruction[] }[] = [];
  for (const ins of instructions) {
    const keyword = ins.getKeyword();
    if (!KEYWORDS.has(keyword)) {
      const guess = closestKeyword(keyword);
      file.fail(
        ins,
        `unknown instruction "${ins.getInstruction()}"`,
        guess ? `did you mean ${guess}?` : `use a Dockerfile instruction; see ${REFERENCE}`,
      );
    }
    if (ins instanceof From) groups.push({ from: ins, body: [] });
    else if (groups.length > 0) groups.at(-1)!.body.push(ins);
    else if (ins instanceof Arg) globals.push(ins);
    else {
      file.fail(
        ins,
        `${keyword} comes before the first FROM`,
        'only ARG, comments and parser directives may come before the first FROM; move it into a stage',
      );
    }
  }
  if (groups.length === 0) {
    throw new CheckError(
      'input',
      `no FROM instruction in Dockerfile ${file.path}`,
      'start the Dockerfile with FROM <image>',
    );
  }
  return { globals, groups };
}

function declareStage(
  from: From,
  body: Instruction[],
  index: number,
  byName: ReadonlyMap<string, number>,
  globalScope: ReadonlyMap<string, string>,
  file: FileContext,
): StageFacts {
  const args = from.getArguments();
  const image = from.getImage();
  const shapeOk =
    args.length === 1 || (args.length === 3 && args[1]!.getValue().toLowerCase() === 'as');
  if (image === null || !shapeOk) {
    file.fail(
      from,
      'FROM takes an image and optionally AS <name>',
      'write FROM <image> [AS <name>]',
    );
  }
  // FROM sees global ARGs only: that is the builder's scoping rule.
  const base = file.expand(image, globalScope, from).value;
  if (base === '') {
    file.fail(
      from,
      `the base image "${image}" is empty after substitution`,
      'give the ARG a default before the first FROM, or pass it as a build arg',
    );
  }
  const platformFlag = from.getPlatformFlag()?.getValue() ?? null;
  const platform = platformFlag === null ? null : file.expand(platformFlag, globalScope, from);
  const last = body.at(-1) ?? from;
  return {
    index,
    name: from.getBuildStage()?.toLowerCase() ?? null,
    line: lineOf(from),
    endLine: last.getRange().end.line + 1,
    base,
    baseStage: byName.get(base.toLowerCase()) ?? null,
    // BUILDPLATFORM and friends are set by the builder; without their values the text says more than ''.
    platform: platform === null ? null : platform.unresolved.length ? platformFlag : platform.value,
    users: [],
    exposes: [],
    volumes: [],
    envs: [],
    args: [],
    copies: [],
    runs: [],
    workdirs: [],
    entrypoint: null,
    cmd: null,
  };
}

function pickFinal(
  stages: StageFacts[],
  byName: ReadonlyMap<string, number>,
  target: string | undefined,
  file: FileContext,
): StageFacts {
  if (target === undefined) return stages.at(-1)!;
  const found = stages[byName.get(target.toLowerCase()) ?? -1];
  if (found) return found;
  const names = [...byName.keys()];
  throw new CheckError(
    'input',
    `target stage "${target}" not found in Dockerfile ${file.path}`,
    names.length
      ? `use one of the stages it names: ${names.join(', ')}`
      : 'this Dockerfile names no stages; add AS <name> to a FROM line or drop the target',
  );
}

function startOf(
  stage: StageFacts,
  parent: StageEnd | undefined,
  rootBase: string,
  baseEnv: Readonly<Record<string, string>> | undefined,
): StageEnd {
  if (parent) {
    // BuildKit re-applies the image ENV over the inherited state, so it beats a parent's same-named ARG.
    return {
      imageEnv: new Map(parent.imageEnv),
      scope: new Map([...parent.scope, ...parent.imageEnv]),
      workdir: parent.workdir,
    };
  }
  // baseEnv describes the root image only; the ENV of any other image is unknown here.
  const env =
    stage.base === rootBase && rootBase !== 'scratch' ? Object.entries(baseEnv ?? {}) : [];
  return { imageEnv: new Map(env), scope: new Map(env), workdir: '' };
}

interface StageInputs {
  buildArgs: Readonly<Record<string, string>>;
  globalScope: ReadonlyMap<string, string>;
  file: FileContext;
}

function runStage(
  stage: StageFacts,
  body: Instruction[],
  start: StageEnd,
  inputs: StageInputs,
): StageEnd {
  const file: FileContext = inputs.file;
  const { imageEnv, scope } = start;
  let workdir = start.workdir;
  for (const ins of body) {
    const line = lineOf(ins);
    if (ins instanceof Env) {
      // Every value in one ENV sees the variables from before it: `ENV a=1 b=$a` gives b the old a.
      const before = new Map(scope);
      for (const prop of ins.getProperties()) {
        const written = prop.getUnescapedValue();
        if (written === null) {
          file.fail(ins, `ENV ${prop.getName()} has no value`, 'write ENV NAME=value');
        }
        const value = file.expand(written, before, ins).value;
        stage.envs.push({ line, name: prop.getName(), value });
        imageEnv.set(prop.getName(), value);
        scope.set(prop.getName(), value);
      }
    } else if (ins instanceof Arg) {
      for (const { name, written } of argProperties(ins, file)) {
        stage.args.push(evaluateArg(name, written, scope, line, inputs, ins));
      }
    } else {
      switch (ins.getKeyword()) {
        case 'USER':
          stage.users.push(user(ins, scope, file));
          break;
        case 'EXPOSE':
          stage.exposes.push(expose(ins, scope, file));
          break;
        case 'VOLUME':
          stage.volumes.push(volume(ins, scope, file));
          break;
        case 'COPY':
        case 'ADD':
          stage.copies.push(readCopy(ins, scope, file));
          break;
        case 'RUN':
          stage.runs.push(readRun(ins, file));
          break;
        case 'WORKDIR': {
          const wd = readWorkdir(ins, scope, workdir, file);
          stage.workdirs.push(wd);
          workdir = wd.path;
          break;
        }
        case 'ENTRYPOINT':
          stage.entrypoint = readCommand(ins, file);
          break;
        case 'CMD':
          stage.cmd = readCommand(ins, file);
          break;
      }
    }
  }
  return { imageEnv, scope, workdir };
}

/** BuildKit's dispatchArg: a build arg wins, then the stage's default, then a redeclared global. */
function evaluateArg(
  name: string,
  written: string | null,
  scope: Map<string, string>,
  line: number,
  { buildArgs, globalScope, file }: StageInputs,
  ins: Arg,
): ArgInstruction {
  const defaultValue = written === null ? null : file.expand(written, scope, ins).value;
  const value = Object.hasOwn(buildArgs, name)
    ? buildArgs[name]!
    : written === null
      ? (globalScope.get(name) ?? null)
      : defaultValue;
  // Later instructions, and child stages, see the ARG; this is why it can shadow an earlier ENV.
  if (value !== null) scope.set(name, value);
  return { line, name, defaultValue, value };
}

function argProperties(arg: Arg, file: FileContext) {
  const props = arg.getProperties();
  if (props.length === 0) file.fail(arg, 'ARG needs a name', 'write ARG NAME or ARG NAME=default');
  return props.flatMap((p) => {
    const value = p.getUnescapedValue();
    if (p.getAssignmentOperator() !== null || value === null)
      return [{ name: p.getName(), written: value }];
    // dockerfile-ast reads `ARG A B` as ENV's old `key value` form; the builders read two ARGs.
    return [p.getName(), ...value.split(/\s+/).filter(Boolean)].map((word) => {
      const eq = word.indexOf('=');
      return eq < 0
        ? { name: word, written: null }
        : { name: word.slice(0, eq), written: word.slice(eq + 1) };
    });
  });
}

function user(
  ins: Instruction,
  scope: ReadonlyMap<string, string>,
  file: FileContext,
): UserInstruction {
  const raw = ins.getArgumentsContent()?.trim() ?? '';
  if (raw === '') file.fail(ins, 'USER needs a user', 'write USER <name|uid>[:<group|gid>]');
  return { line: lineOf(ins), raw, ...file.expand(raw, scope, ins) };
}

function expose(
  ins: Instruction,
  scope: ReadonlyMap<string, string>,
  file: FileContext,
): ExposeInstruction {
  // A variable can hold several ports (`EXPOSE $PORTS`), so split after substituting.
  const ports = ins
    .getArguments()
    .flatMap((a) => file.expand(a.getValue(), scope, ins).value.split(/\s+/))
    .filter((p) => p !== '')
    .map((p) => {
      const [port, proto] = p.split('/', 2);
      return `${port}/${(proto || 'tcp').toLowerCase()}`;
    });
  return { line: lineOf(ins), raw: ins.getArgumentsContent()?.trim() ?? '', ports };
}

function volume(
  ins: Instruction,
  scope: ReadonlyMap<string, string>,
  file: FileContext,
): VolumeInstruction {
  const content = ins.getArgumentsContent()?.trim() ?? '';
  let written: string[] | null = null;
  if (content.startsWith('[')) {
    // The JSON form, as the builder reads it; anything else is the shell form.
    try {
      const parsed: unknown = JSON.parse(content);
      if (Array.isArray(parsed) && parsed.every((item) => typeof item === 'string')) {
        written = parsed;
      }
    } catch {
      written = null;
    }
  }
  // A variable in the shell form can hold several paths; a JSON element is one path.
  const paths = (written ?? ins.getArguments().map((argument) => argument.getValue()))
    .flatMap((word) => {
      const value = file.expand(word, scope, ins).value;
      return written ? [value] : value.split(/\s+/);
    })
    .filter((path) => path !== '')
    // As the engine records it (`/data/` is `/data`), so a path compares as it is.
    .map((path) => posix.resolve('/', path));
  return { line: lineOf(ins), paths };
}

/** A keyword one or two edits away, for the typo hint (`FORM` → FROM). */
function closestKeyword(word: string): string | undefined {
  let best: { keyword: string; distance: number } | undefined;
  for (const keyword of KEYWORDS) {
    const distance = editDistance(word, keyword);
    if (distance <= 2 && (!best || distance < best.distance)) best = { keyword, distance };
  }
  return best?.keyword;
}

function editDistance(a: string, b: string): number {
  let row = [...Array(b.length + 1).keys()];
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      next.push(Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + cost));
    }
    row = next;
  }
  return row[b.length]!;
}
