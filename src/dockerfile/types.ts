/**
 * Facts read from a Dockerfile: plain data, no parser objects. Lines are
 * 1-based, as editors, annotations and SARIF count them. Values are after
 * ARG/ENV substitution as the builder would do it inside the stage.
 */

export interface UserInstruction {
  line: number;
  /** The argument as written, e.g. `$APP_UID` or `app:app`. */
  raw: string;
  /** After substitution, e.g. `1654`. Equals `raw` when nothing was substituted. */
  value: string;
  /** Variables referenced but not defined at that point (substituted as empty, like the builder). */
  unresolved: string[];
}

export interface ExposeInstruction {
  line: number;
  raw: string;
  /** Normalised `port/proto`, e.g. `80/tcp`; ranges stay as written (`8000-8010/tcp`). */
  ports: string[];
}

export interface VolumeInstruction {
  line: number;
  /** The paths, after substitution, in either form (`VOLUME /data /logs`, `VOLUME ["/data"]`), cleaned as absolute paths. */
  paths: string[];
}

export interface EnvInstruction {
  line: number;
  name: string;
  value: string;
}

export interface ArgInstruction {
  line: number;
  name: string;
  /** The default written in the Dockerfile, or null. */
  defaultValue: string | null;
  /** The value in effect: a build arg given by the user, else the default, else null. */
  value: string | null;
}

export interface CopyInstruction {
  line: number;
  keyword: 'COPY' | 'ADD';
  /** `--chown` after substitution, or null when not given. */
  chown: string | null;
  /** `--chmod` after substitution, or null when not given. */
  chmod: string | null;
  /** `--from` after substitution (a stage name, index or image), or null when not given. */
  from: string | null;
  /**
   * After substitution, in both forms (a JSON element keeps its spaces). Here-documents
   * (`COPY <<EOF /x`) are inline content, not paths, so they are not listed.
   */
  sources: string[];
  /** The last argument, after substitution. */
  destination: string;
}

/**
 * A `chown` or `chmod` found in a RUN command. Best effort and conservative:
 * a command we cannot read with confidence (command substitution, an unknown
 * option, `--reference`) is left out rather than guessed at.
 */
export interface PermissionChange {
  program: 'chown' | 'chmod';
  /** `-R` / `--recursive`. */
  recursive: boolean;
  /** The owner (`app:app`, `1654`, `$UID`) or the mode (`777`, `a+w`, `u+s`), quotes removed. */
  spec: string;
  /** Operands after the spec, quotes removed, variables and globs as written. */
  paths: string[];
}

export interface RunInstruction {
  line: number;
  /** Last line, including continuation lines and here-document bodies. */
  endLine: number;
  /**
   * Shell form: the text after the flags as the builder reads it (continuations joined,
   * comment lines inside removed; here-document bodies follow on new lines), not substituted
   * since the shell does that. Exec form: the JSON array joined with spaces.
   */
  command: string;
  permissionChanges: PermissionChange[];
}

export interface WorkdirInstruction {
  line: number;
  /** Absolute: substituted, and a relative path resolved against the previous WORKDIR (`/` at first). */
  path: string;
}

/** ENTRYPOINT or CMD. Exactly one of `exec` and `shell` is set. Not substituted, like the builder. */
export interface CommandInstruction {
  line: number;
  /** Exec (JSON) form: the array. */
  exec: string[] | null;
  /** Shell form: the text as the builder reads it. */
  shell: string | null;
}

export interface StageFacts {
  index: number;
  /** `AS name`, lower-cased as the builder does, or null. */
  name: string | null;
  /** Line of the FROM instruction. */
  line: number;
  /** Last line of the stage (the line before the next FROM, or the file's last instruction). */
  endLine: number;
  /** The FROM argument after substitution: an image reference, `scratch`, or an earlier stage's name. */
  base: string;
  /** Index of the earlier stage this one builds on, or null when `base` is an image. */
  baseStage: number | null;
  /** `--platform` of the FROM, after substitution, or null. */
  platform: string | null;
  users: UserInstruction[];
  exposes: ExposeInstruction[];
  volumes: VolumeInstruction[];
  envs: EnvInstruction[];
  args: ArgInstruction[];
  /** Every COPY and ADD, in order. */
  copies: CopyInstruction[];
  /** Every RUN, in order. */
  runs: RunInstruction[];
  /** Every WORKDIR, in order. A stage FROM an earlier stage resolves against that stage's WORKDIR. */
  workdirs: WorkdirInstruction[];
  /** The last ENTRYPOINT of the stage, or null. */
  entrypoint: CommandInstruction | null;
  /** The last CMD of the stage, or null. */
  cmd: CommandInstruction | null;
}

export interface DockerfileFacts {
  /** The path as the user gave it (relative to the repository when it can be). */
  path: string;
  stages: StageFacts[];
  /** The stage that is built: `target` when given, else the last one. */
  finalStage: StageFacts;
  /** Stages from the one whose base is an image, down to the final stage (FROM-chain). */
  chain: StageFacts[];
  /** The image the chain starts from (`chain[0].base`): what `docker inspect` reads base ENV from. */
  rootBase: string;
  /** The last USER along the chain: the instruction that sets the image's user, or null when the base image decides. */
  effectiveUser: UserInstruction | null;
  /** The ENV in effect at the end of the final stage: base image env, then the chain's ENVs. */
  env: Record<string, string>;
  /** The WORKDIR in effect at the end of the chain, or '' when the chain sets none (the base image decides). */
  finalWorkdir: string;
  /** The file's text as read, so a fix can be given as a diff against it. */
  text: string;
}

export interface ParseOptions {
  path: string;
  /** `--target`: build this stage instead of the last. */
  target?: string;
  /** `--build-arg` values. */
  buildArgs?: Record<string, string>;
  /** ENV of the root base image (from `docker inspect`), so `USER $APP_UID` resolves on a .NET base. */
  baseEnv?: Record<string, string>;
  /**
   * The build's platforms, `os/arch[/variant]`, when the builder is BuildKit: they give its
   * automatic platform ARGs (TARGETARCH, BUILDPLATFORM, …). Unset: the legacy builder, which
   * sets none of them.
   */
  platforms?: { target: string; build: string };
}
