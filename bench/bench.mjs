// `npm run bench`: what one check costs, next to the floor of one container start.
//
// It builds its own images (cached by a content tag, so a second run builds nothing):
//   busybox     FROM scratch + Debian's static busybox, USER 1000 (about 300 files)
//   debian      Debian bookworm, debootstrap --variant=minbase (scripts/debian-minbase.sh,
//               cached as a tarball; about 7,000 files), user nobody
//   files-100k  FROM scratch + busybox + 100,000 empty files in 100 directories
// and measures, interleaved round by round (the order rotates every round, so drift
// and order effects hit every variant alike), after warm-up rounds:
//   (a) check   node dist/cli.js check --image X --format json
//   (a') action the same check through the action (node dist/index.js, INPUT_IMAGE=X)
//   (b) floor   docker inspect X, then one docker run --rm --network none of a no-op
//               static binary, bind-mounted read-only as the probe is
//   (b') scan   the floor of any check that visits every file, as the probe's walk does:
//               inspect, then one container running the image's own find / -perm /6000
//   (c) manual  the one-container-per-probe way, on busybox only: inspect, then whoami,
//               id, four touch tests and find / -perm /6000, each in its own docker run
// plus the CLI's cold start (node dist/cli.js --version), the probe's own walk time, the
// CLI's peak RSS and every docker call one check makes. Prints a table and writes
// bench/results.json. Needs Docker, /bin/busybox (busybox-static), musl-gcc (musl-tools),
// and for the Debian image root and debootstrap on the first run.
//
// It runs on each engine (--engines, default both): the system's, and the second engine
// scripts/second-engine.sh starts (Docker 26, BuildKit, the containerd image store), each in
// a run of its own with that engine's variables, one after the other; results.json holds both.
//
//   node bench/bench.mjs [--runs 15] [--warmup 2] [--only busybox,debian,files-100k]
//                        [--engines system,docker-26] [--output bench/results.json]
//                        [--no-write] [--cli dist/cli.js] [--baseline other/cli.js]
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { engineTrace } from '../__tests__/helpers/engine-trace.ts';

const ROOT = resolve(import.meta.dirname, '..');
const BUSYBOX = '/bin/busybox';
/** Bump to rebuild every bench image (their content changed in a way the hash does not see). */
const IMAGE_FORMAT = 1;
const TARGETS = {
  checkOverFloor: 1.3,
  checkOverScanFloor: 1.3,
  manualOverCheck: 3,
  walk100kMs: 2000,
};

const { values: flags } = parseArgs({
  options: {
    runs: { type: 'string', default: '15' },
    warmup: { type: 'string', default: '2' },
    only: { type: 'string' },
    output: { type: 'string', default: join(ROOT, 'bench', 'results.json') },
    // Another build of the CLI, to compare two versions (it finds its probe beside it).
    cli: { type: 'string', default: join(ROOT, 'dist', 'cli.js') },
    // A second build measured in the same rounds as (a), for a fair before/after.
    baseline: { type: 'string' },
    'no-write': { type: 'boolean', default: false },
    engines: { type: 'string', default: 'system,docker-26' },
    // Set by the run that benches both: this run benches the engine its variables name.
    engine: { type: 'string' },
  },
});
const ENGINE_NAMES = ['system', 'docker-26'];

/** The variables that point docker at an engine (the second one's, as its script prints them). */
function engineVariables(name) {
  if (name === 'system') return {};
  const printed = execFileSync('bash', [join(ROOT, 'scripts/second-engine.sh'), 'env'], {
    encoding: 'utf8',
  });
  return Object.fromEntries(
    printed
      .trim()
      .split('\n')
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}

if (!flags.engine) {
  // Bench each engine in a run of its own, then write one document holding both.
  const engines = flags.engines.split(',');
  for (const name of engines) if (!ENGINE_NAMES.includes(name)) fail(`--engines: unknown ${name}`);
  const started = performance.now();
  const runs = [];
  const tmp = await mkdtemp(join(os.tmpdir(), 'nonroot-guard-bench-engines-'));
  for (const name of engines) {
    log(`bench: engine ${name}`);
    const output = join(tmp, `${name}.json`);
    const args = [];
    for (let index = 2; index < process.argv.length; index++) {
      const arg = process.argv[index];
      if (arg === '--engines') index++;
      else if (!arg.startsWith('--engines=')) args.push(arg);
    }
    const child = spawn(
      process.execPath,
      [import.meta.filename, ...args, '--engine', name, '--output', output],
      { stdio: 'inherit', env: { ...process.env, ...engineVariables(name) } },
    );
    const code = await new Promise((done) => child.on('close', done));
    if (code !== 0) fail(`the bench on engine ${name} failed (exit ${code})`);
    if (!flags['no-write']) runs.push(JSON.parse(await readFile(output, 'utf8')));
  }
  await rm(tmp, { recursive: true, force: true });
  if (!flags['no-write']) {
    const first = runs[0];
    const combined = {
      date: first.date,
      commit: first.commit,
      dirty: first.dirty,
      command: `node bench/bench.mjs ${process.argv.slice(2).join(' ')}`.trim(),
      engines: runs,
      benchSeconds: Math.round((performance.now() - started) / 1000),
    };
    await writeJson(flags.output, combined);
    console.log(`wrote ${flags.output}; npm run docs puts the figures in the README`);
  }
  process.exit(0);
}
if (!ENGINE_NAMES.includes(flags.engine)) fail(`--engine: unknown ${flags.engine}`);

/** JSON as prettier formats it (a dev dependency; without it, as JSON.stringify writes it). */
async function writeJson(path, value) {
  let text = `${JSON.stringify(value, null, 2)}\n`;
  try {
    const prettier = await import('prettier');
    text = await prettier.format(text, { parser: 'json', printWidth: 100 });
  } catch {
    // Left as it is.
  }
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
}

const CLI = resolve(flags.cli);
/** The action's entry beside the CLI's, as the runner starts it. */
const ACTION = join(dirname(CLI), 'index.js');
const BASELINE = flags.baseline && resolve(flags.baseline);
const RUNS = positiveInt(flags.runs, '--runs');
const WARMUP = positiveInt(flags.warmup, '--warmup', true);
const IMAGE_NAMES = ['busybox', 'debian', 'files-100k'];
const only = flags.only ? flags.only.split(',') : IMAGE_NAMES;
for (const name of only) if (!IMAGE_NAMES.includes(name)) fail(`--only: unknown image ${name}`);

function positiveInt(text, flag, zero = false) {
  const value = Number(text);
  if (!Number.isInteger(value) || value < (zero ? 0 : 1)) fail(`${flag}: expected a count`);
  return value;
}

function fail(message) {
  console.error(`bench: ${message}`);
  process.exit(2);
}

function log(text) {
  process.stderr.write(`${text}\n`);
}

/** Runs a command to completion; resolves with its output and wall time, never rejects on exit. */
function timed(file, args, options = {}) {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const startedEpochMs = Date.now();
    const child = spawn(file, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out = [];
    const err = [];
    child.stdout.on('data', (chunk) => out.push(chunk));
    child.stderr.on('data', (chunk) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      resolvePromise({
        ms: performance.now() - started,
        startedEpochMs,
        code,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      }),
    );
  });
}

function docker(args, options) {
  return timed('docker', args, options);
}

async function mustDocker(args, what) {
  const result = await docker(args);
  if (result.code !== 0) fail(`${what} failed (exit ${result.code}):\n${result.stderr.trim()}`);
  return result.stdout.trim();
}

function stats(samples) {
  const sorted = [...samples].sort((x, y) => x - y);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  const round = (value) => Math.round(value * 10) / 10;
  return {
    median: round(median),
    min: round(sorted[0]),
    max: round(sorted.at(-1)),
    runs: samples.map(round),
  };
}

const ratio = (x, y) => Math.round((x / y) * 100) / 100;

// ---------------------------------------------------------------- preflight

if (!existsSync(CLI)) fail(`${CLI} is missing: npm run build`);
if (BASELINE && !existsSync(BASELINE)) fail(`${BASELINE} is missing`);
if (!existsSync(BUSYBOX)) fail(`${BUSYBOX} is missing: apt-get install busybox-static`);
const versions = await docker(['version', '--format', '{{.Client.Version}}|{{.Server.Version}}']);
if (versions.code !== 0) fail(`no Docker daemon answers:\n${versions.stderr.trim()}`);
const [dockerClient, dockerServer] = versions.stdout.trim().split('|');
const dockerInfo = (
  await mustDocker(
    ['info', '--format', '{{.Driver}}|{{.CgroupDriver}}|{{.CgroupVersion}}|{{json .DriverStatus}}'],
    'docker info',
  )
).split('|');
const dockerBuildx = (await docker(['buildx', 'version'])).code === 0;

const work = await mkdtemp(join(os.tmpdir(), 'nonroot-guard-bench-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
const benchStarted = performance.now();

// The no-op for the floor: a static binary that needs nothing from the image, like the probe.
const NOOP = join(work, 'noop');
await writeFile(join(work, 'noop.c'), 'int main(void) { return 0; }\n');
try {
  execFileSync('musl-gcc', ['-static', '-Os', '-s', '-o', NOOP, join(work, 'noop.c')]);
} catch {
  fail('musl-gcc could not build the no-op binary: apt-get install musl-tools');
}

// The CLI's peak RSS, measured in separate untimed runs: node's own getrusage(RUSAGE_SELF).
const RSS_PRELOAD = join(work, 'rss.mjs');
await writeFile(
  RSS_PRELOAD,
  "import { writeSync } from 'node:fs';\n" +
    "process.on('exit', () => writeSync(2, `\\nBENCH_MAXRSS_KB=${process.resourceUsage().maxRSS}\\n`));\n",
);

// A `docker` first on PATH that logs every call (start, end, argv) and runs the real one.
const REAL_DOCKER = execFileSync('sh', ['-c', 'command -v docker'], { encoding: 'utf8' }).trim();
const TRACE_DIR = join(work, 'trace-bin');
const TRACE_LOG = join(work, 'docker-calls.log');
await mkdir(TRACE_DIR);
await writeFile(
  join(TRACE_DIR, 'docker'),
  `#!/bin/bash\nstart=$EPOCHREALTIME\n'${REAL_DOCKER}' "$@"\nrc=$?\n` +
    `printf '%s %s %s\\n' "$start" "$EPOCHREALTIME" "$*" >> '${TRACE_LOG}'\nexit $rc\n`,
);
await chmod(join(TRACE_DIR, 'docker'), 0o755);

// ------------------------------------------------------------------- images

const busyboxBytes = readFileSync(BUSYBOX);

function contentTag(name, ...parts) {
  const hash = createHash('sha256').update(`bench-image-format ${IMAGE_FORMAT}\n`);
  for (const part of parts) hash.update(part).update('\0');
  return `nonroot-guard-bench/${name}:${hash.digest('hex').slice(0, 16)}`;
}

async function imageExists(tag) {
  return (await docker(['image', 'inspect', '--format', '{{.Id}}', tag])).code === 0;
}

/** Builds files into an image tagged by their content (and `salt`), unless that tag exists. */
async function buildCached(name, files, salt = '') {
  const parts = Object.entries(files).flatMap(([path, content]) => [path, content]);
  const tag = contentTag(name, salt, ...parts);
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  if (await imageExists(tag)) return { tag, cached: true, buildMs: elapsed() };
  log(`bench: building ${tag}`);
  const context = join(work, `context-${name}`);
  await mkdir(context);
  for (const [path, content] of Object.entries(files)) {
    await writeFile(join(context, path), content, { mode: path === 'busybox' ? 0o755 : 0o644 });
  }
  await mustDocker(['build', '--quiet', '--tag', tag, context], `docker build of ${name}`);
  return { tag, cached: false, buildMs: elapsed() };
}

const PASSWD =
  'root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000:app:/home/app:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n';
const GROUP = 'root:x:0:\napp:x:1000:\nnogroup:x:65534:\n';

const images = {
  busybox: () =>
    buildCached('busybox', {
      Dockerfile: `FROM scratch
COPY busybox /bin/busybox
RUN ["/bin/busybox", "--install", "-s", "/bin"]
COPY passwd group /etc/
RUN mkdir -p /root /tmp /home/app /app && chmod 0700 /root && chmod 1777 /tmp \\
 && chown app:app /home/app && rm /bin/su
WORKDIR /app
USER 1000
CMD ["/bin/sh"]
`,
      busybox: busyboxBytes,
      passwd: PASSWD,
      group: GROUP,
    }),

  // 100 directories of 1,000 empty files, made by one RUN (a build context of 100,000
  // files would be sent file by file; this is one layer, built in about 20 s).
  'files-100k': () =>
    buildCached('files-100k', {
      Dockerfile: `FROM scratch
COPY busybox /bin/busybox
COPY passwd group /etc/
RUN ["/bin/busybox", "sh", "-c", "set -e; B=/bin/busybox; $B mkdir -p /tmp /data; $B chmod 1777 /tmp; cd /data; for d in $($B seq 1 100); do $B mkdir d$d; cd d$d; $B touch $($B seq 1 1000); cd ..; done"]
USER app
CMD ["/bin/busybox", "sh"]
`,
      busybox: busyboxBytes,
      passwd: PASSWD,
      group: GROUP,
    }),

  // The fixture base the tests use (a real debootstrap, cached), as a non-root image.
  debian: async () => {
    const started = performance.now();
    const base = 'nonroot-guard-fixture/debian-minbase:test';
    const hadBase = await imageExists(base);
    if (!hadBase) log(`bench: building ${base} (scripts/debian-minbase.sh)`);
    const script = await timed('bash', [join(ROOT, 'scripts', 'debian-minbase.sh')]);
    if (script.code !== 0) {
      fail(
        `the Debian image could not be built (scripts/debian-minbase.sh needs root and debootstrap, and the network on its first run):\n${script.stderr.trim()}\nRun with --only busybox,files-100k to leave it out.`,
      );
    }
    const baseId = await mustDocker(['image', 'inspect', '--format', '{{.Id}}', base], 'inspect');
    // The base's id is part of the tag: a re-imported base makes a new bench image.
    const built = await buildCached(
      'debian',
      { Dockerfile: `FROM ${base}\nUSER nobody\n` },
      baseId,
    );
    return {
      ...built,
      cached: hadBase && built.cached,
      buildMs: Math.round(performance.now() - started),
    };
  },
};

// ------------------------------------------------------------- the variants

function checkArgs(tag, cli = CLI) {
  return [cli, 'check', '--image', tag, '--format', 'json'];
}

/** (a) the whole check, from node's start to its exit. */
async function runCheck(tag, cli = CLI) {
  // An empty working directory: no policy file is picked up, only the image is checked.
  const result = await timed(process.execPath, checkArgs(tag, cli), { cwd: work });
  if (result.code !== 0 && result.code !== 1) {
    fail(`the check of ${tag} failed (exit ${result.code}):\n${result.stderr.trim()}`);
  }
  const report = JSON.parse(result.stdout);
  if (report.probe.status !== 'ok') fail(`the probe did not run on ${tag}: ${report.probe.reason}`);
  return {
    ms: result.ms,
    walkMs: report.runtime.walk.elapsedMs,
    entries: report.runtime.walk.entries,
    probeMs: report.probe.elapsedMs,
    reportBytes: Buffer.byteLength(result.stdout),
    verdict: report.verdict,
  };
}

/** `docker inspect X`, then one `docker run --rm --network none` with these options and X. */
async function inspectThenRun(tag, runOptions, command, what) {
  const inspect = await docker(['inspect', tag]);
  const run = await docker(['run', '--rm', '--network', 'none', ...runOptions, tag, ...command]);
  if (inspect.code !== 0 || run.code !== 0) {
    fail(`${what} on ${tag} failed:\n${inspect.stderr}${run.stderr}`.trim());
  }
  return { ms: inspect.ms + run.ms, inspectMs: inspect.ms, runMs: run.ms };
}

/**
 * (a') the action, started as the runner starts it (node dist/index.js, inputs as INPUT_*,
 * the runner's files in a temporary directory), on a push: nothing to post to a pull request.
 */
async function runActionCheck(tag) {
  const runner = join(work, 'runner');
  await mkdir(runner, { recursive: true });
  const files = {
    GITHUB_OUTPUT: join(runner, 'output'),
    GITHUB_STEP_SUMMARY: join(runner, 'summary.md'),
  };
  await Promise.all(Object.values(files).map((file) => writeFile(file, '')));
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    // The engine this run benches (the second engine's socket and CLI config, when it is that one).
    ...Object.fromEntries(
      ['DOCKER_HOST', 'DOCKER_CONFIG']
        .filter((name) => process.env[name])
        .map((name) => [name, process.env[name]]),
    ),
    ...files,
    RUNNER_TEMP: runner,
    GITHUB_WORKSPACE: work,
    GITHUB_EVENT_NAME: 'push',
    INPUT_IMAGE: tag,
    INPUT_COMMENT: 'off',
  };
  const result = await timed(process.execPath, [ACTION], { cwd: work, env });
  if (result.code !== 0 && result.code !== 1) {
    fail(`the action on ${tag} failed (exit ${result.code}):\n${result.stdout.slice(-2000)}`);
  }
  return { ms: result.ms };
}

/** (b) the floor: what any check must do at least, one inspect and one container start. */
function runFloor(tag) {
  const mount = `--mount=type=bind,source=${NOOP},target=/noop,readonly`;
  return inspectThenRun(tag, [mount, '--entrypoint', '/noop'], [], 'the floor');
}

/** How each image runs find: busybox's applet links, none (only /bin/busybox), Debian's findutils. */
const FIND = {
  busybox: ['find'],
  'files-100k': ['/bin/busybox', 'find'],
  debian: ['find'],
};

/**
 * (b') the floor of any check that looks at every file, as the probe must (setid bits):
 * inspect, then one container that runs `find / -xdev -perm /6000` as root, like the
 * probe's walk. It separates what the tool adds from what the image's size costs.
 */
function runScanFloor(tag, find) {
  const [program, ...applet] = find;
  return inspectThenRun(
    tag,
    ['--user', '0:0', '--entrypoint', program],
    [...applet, '/', '-xdev', '-perm', '/6000'],
    'the scan floor',
  );
}

/** What the posts do by hand (and container-structure-test does): one docker run per question. */
const MANUAL_COMMANDS = [
  ['whoami'],
  ['id'],
  ['touch', '/.nonroot-bench'],
  ['touch', '/bin/.nonroot-bench'],
  ['touch', '/etc/.nonroot-bench'],
  ['touch', '/tmp/.nonroot-bench'],
  ['find', '/', '-xdev', '-perm', '/6000'],
];

/** (c) inspect, then each question in its own container, one after the other. */
async function runManual(tag) {
  let ms = (await docker(['inspect', tag])).ms;
  for (const command of MANUAL_COMMANDS) {
    const result = await docker(['run', '--rm', '--network', 'none', tag, ...command]);
    // A failing touch is an answer; 125-127 mean docker itself or the command failed.
    if (result.code >= 125) fail(`docker run ${tag} ${command.join(' ')}:\n${result.stderr}`);
    ms += result.ms;
  }
  return { ms };
}

// The traced checks go through a unix socket in front of the engine's that logs each Engine
// API request with its start and end (the tests' helper: Node runs its TypeScript as it is).
const trace = await engineTrace(process.env, work);

/** Every docker call and Engine API request one check makes, with its start and end from the CLI's spawn. */
async function traceCheck(tag) {
  await rm(TRACE_LOG, { force: true });
  trace.clear();
  const env = {
    ...process.env,
    PATH: `${TRACE_DIR}:${process.env.PATH}`,
    DOCKER_HOST: trace.host,
  };
  const result = await timed(process.execPath, checkArgs(tag), { cwd: work, env });
  const lines = (await readFile(TRACE_LOG, 'utf8').catch(() => '')).trim().split('\n');
  const at = (epochMs) => Math.round(epochMs - result.startedEpochMs);
  const processes = lines
    .filter((line) => line)
    .map((line) => {
      const [start, end, ...argv] = line.split(' ');
      const command = `docker ${argv.slice(0, 2).join(' ')}`;
      return { command, startMs: at(Number(start) * 1000), endMs: at(Number(end) * 1000) };
    });
  const requests = trace.traced().map(({ kind, startMs, endMs }) => ({
    command: kind,
    startMs: at(startMs),
    endMs: at(endMs),
  }));
  const calls = [...processes, ...requests].sort((x, y) => x.startMs - y.startMs);
  return { totalMs: Math.round(result.ms), calls };
}

const TRACE_RUNS = 3;

/**
 * Where one check's time goes, from traced runs (medians): from the CLI's spawn to the
 * probe's container being created (Node's start, loading the check, the engine's and the
 * image's questions: Engine API requests on a local socket, no process), that container
 * (docker create to the end of docker start --attach), and what follows up to the exit.
 */
async function breakdown(tag) {
  const traces = [];
  for (let index = 0; index < TRACE_RUNS; index++) traces.push(await traceCheck(tag));
  const parts = traces.map(({ totalMs, calls }) => {
    // The probe's container: created by the API or by docker; it has exited when the
    // API's wait (or docker start --attach) ends.
    const create = calls.find((call) =>
      ['POST /containers/create', 'docker create --name'].includes(call.command),
    );
    const exit = calls.findLast((call) =>
      ['POST /containers/wait', 'docker start --attach'].includes(call.command),
    );
    if (!create || !exit) fail(`a traced check of ${tag} made no probe container`);
    return {
      beforeProbe: create.startMs,
      probe: exit.endMs - create.startMs,
      afterProbe: totalMs - Math.max(...calls.map((call) => call.endMs)),
      total: totalMs,
    };
  });
  const median = (key) => stats(parts.map((part) => part[key])).median;
  return {
    runs: TRACE_RUNS,
    beforeProbeMs: median('beforeProbe'),
    probeMs: median('probe'),
    afterProbeMs: median('afterProbe'),
    totalMs: median('total'),
    calls: traces.at(-1).calls,
  };
}

async function peakRss(args, options = {}) {
  const result = await timed(process.execPath, ['--import', RSS_PRELOAD, ...args], options);
  const match = /BENCH_MAXRSS_KB=(\d+)/.exec(result.stderr);
  return match ? Math.round(Number(match[1]) / 1024) : null;
}

// ------------------------------------------------------------------ measure

function loadAverage() {
  return os.loadavg().map((value) => Math.round(value * 100) / 100);
}

const loadBefore = loadAverage();
if (loadBefore[0] > os.cpus().length / 2) {
  log(`bench: warning: the load average is ${loadBefore[0]}; the figures will be noisy`);
}

/** Warm-up rounds, then measured rounds, the variants' order rotating every round. */
async function interleave(variants) {
  const samples = Object.fromEntries(Object.keys(variants).map((name) => [name, []]));
  const names = Object.keys(variants);
  for (let round = 0; round < WARMUP + RUNS; round++) {
    const order = names.map((_, index) => names[(index + round) % names.length]);
    for (const name of order) {
      const sample = await variants[name]();
      if (round >= WARMUP) samples[name].push(sample);
    }
  }
  return samples;
}

const results = {};
const builds = {};
for (const name of only) {
  const image = await images[name]();
  builds[name] = image;
  log(
    `bench: ${name}: ${image.tag}${image.cached ? ' (cached)' : ` (built in ${image.buildMs} ms)`}`,
  );
  const variants = {
    check: () => runCheck(image.tag),
    action: () => runActionCheck(image.tag),
    floor: () => runFloor(image.tag),
    scanFloor: () => runScanFloor(image.tag, FIND[name]),
  };
  if (name === 'busybox') variants.manual = () => runManual(image.tag);
  if (BASELINE) variants.baseline = () => runCheck(image.tag, BASELINE);
  const samples = await interleave(variants);
  const check = stats(samples.check.map((sample) => sample.ms));
  const floor = stats(samples.floor.map((sample) => sample.ms));
  const walk = stats(samples.check.map((sample) => sample.walkMs));
  const entry = {
    image: image.tag,
    files: samples.check[0].entries,
    verdict: samples.check[0].verdict,
    check,
    floor,
    floorParts: {
      inspect: stats(samples.floor.map((sample) => sample.inspectMs)),
      run: stats(samples.floor.map((sample) => sample.runMs)),
    },
    checkOverFloor: ratio(check.median, floor.median),
    scanFloor: stats(samples.scanFloor.map((sample) => sample.ms)),
    // The check without the probe's walk (work no floor does): its overhead alone.
    checkWithoutWalkOverFloor: ratio(check.median - walk.median, floor.median),
    probe: stats(samples.check.map((sample) => sample.probeMs)),
    // Against the floor that scans the filesystem too: what the tool adds to that work.
    checkOverScanFloor: null,
    walk,
    reportBytes: samples.check[0].reportBytes,
  };
  entry.checkOverScanFloor = ratio(check.median, entry.scanFloor.median);
  entry.action = stats(samples.action.map((sample) => sample.ms));
  entry.actionOverFloor = ratio(entry.action.median, floor.median);
  if (samples.baseline) {
    entry.baseline = stats(samples.baseline.map((sample) => sample.ms));
    entry.baselineOverFloor = ratio(entry.baseline.median, floor.median);
  }
  if (samples.manual) {
    entry.manual = stats(samples.manual.map((sample) => sample.ms));
    entry.manualContainers = MANUAL_COMMANDS.length;
    entry.manualOverCheck = ratio(entry.manual.median, check.median);
  }
  entry.peakRssMiB = await peakRss(checkArgs(image.tag), { cwd: work });
  entry.breakdown = await breakdown(image.tag);
  results[name] = entry;
  log(
    `bench: ${name}: check ${check.median} ms, floor ${floor.median} ms, ratio ${entry.checkOverFloor}`,
  );
}

// The CLI's cold start, next to node's own (`node -e 0`).
const start = await interleave({
  cli: () => timed(process.execPath, [CLI, '--version']),
  node: () => timed(process.execPath, ['-e', '0']),
});
const coldStart = {
  cliVersion: stats(start.cli.map((sample) => sample.ms)),
  nodeBare: stats(start.node.map((sample) => sample.ms)),
  cliPeakRssMiB: await peakRss([CLI, '--version']),
};
const loadAfter = loadAverage();

// ------------------------------------------------------------------- report

const targets = {};
for (const [name, entry] of Object.entries(results)) {
  targets[`${name}: check/floor <= ${TARGETS.checkOverFloor}`] =
    entry.checkOverFloor <= TARGETS.checkOverFloor;
  // The floor of any check that visits every file (issue 16): inspect + one container's find.
  targets[`${name}: check/(floor + find) <= ${TARGETS.checkOverScanFloor}`] =
    entry.checkOverScanFloor <= TARGETS.checkOverScanFloor;
}
if (results.busybox) {
  targets[`busybox: manual/check >= ${TARGETS.manualOverCheck}`] =
    results.busybox.manualOverCheck >= TARGETS.manualOverCheck;
}
if (results['files-100k']) {
  targets[`files-100k: walk median < ${TARGETS.walk100kMs} ms`] =
    results['files-100k'].walk.median < TARGETS.walk100kMs;
}

function git(...args) {
  try {
    return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

const cpus = os.cpus();
const document = {
  engine: flags.engine,
  date: new Date().toISOString(),
  commit: git('rev-parse', '--short', 'HEAD'),
  dirty: git('status', '--porcelain', '--', 'src', 'dist', 'probe') !== '',
  command: `node bench/bench.mjs --runs ${RUNS} --warmup ${WARMUP}${flags.only ? ` --only ${flags.only}` : ''}`,
  cli: relative(ROOT, CLI),
  baseline: BASELINE ? relative(ROOT, BASELINE) : undefined,
  machine: {
    cores: cpus.length,
    cpu: cpus[0]?.model ?? null,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    kernel: os.release(),
    node: process.version,
    docker: { client: dockerClient, server: dockerServer },
    storageDriver: dockerInfo[0],
    imageStore: dockerInfo[3].includes('io.containerd.snapshotter') ? 'containerd' : 'classic',
    builder: dockerBuildx ? 'BuildKit (buildx)' : 'legacy',
    cgroup: `${dockerInfo[1]} v${dockerInfo[2]}`,
    loadAverage: { before: loadBefore, after: loadAfter },
  },
  method: {
    runs: RUNS,
    warmup: WARMUP,
    order: 'interleaved: every round runs each variant once, the order rotating by one per round',
    check:
      'node dist/cli.js check --image X --format json, from spawn to exit, in an empty directory',
    action:
      "node dist/index.js with INPUT_IMAGE=X, INPUT_COMMENT=off and the runner's files in a temporary directory, on a push event: the action's whole run (report, SARIF and summary written), from spawn to exit",
    floor:
      'docker inspect X, then docker run --rm --network none --mount=type=bind,source=<no-op>,target=/noop,readonly --entrypoint /noop X (a musl-gcc -static -Os -s binary)',
    scanFloor:
      "docker inspect X, then docker run --rm --network none --user 0:0 X find / -xdev -perm /6000 (the image's own find: busybox's, or Debian's findutils): one container that visits every file, as the probe's walk does",
    manual: `docker inspect X, then ${MANUAL_COMMANDS.length} x docker run --rm --network none X <command>: ${MANUAL_COMMANDS.map((command) => command.join(' ')).join('; ')}`,
    walk: "the probe's own runtime.walk.elapsedMs from each check's report; probe: the report's probe.elapsedMs (its docker run, client side)",
    peakRss:
      "process.resourceUsage().maxRSS of the CLI's node process (getrusage), written at exit by an --import preload in one separate, untimed run",
    breakdown: `${TRACE_RUNS} untimed checks with a logging docker wrapper (bash) first on PATH and a logging unix socket in front of the engine's (DOCKER_HOST), each adding a little per call; medians, ms from the CLI's spawn: to the probe container's create, from it to its exit (the end of the API's wait, or of docker start --attach), and after the last call; calls: the last one's docker processes and Engine API requests`,
  },
  unit: 'ms (wall clock), peak RSS in MiB',
  targets,
  images: results,
  coldStart,
  builds: Object.fromEntries(
    Object.entries(builds).map(([name, image]) => [
      name,
      { cached: image.cached, ms: image.buildMs },
    ]),
  ),
  benchSeconds: Math.round((performance.now() - benchStarted) / 1000),
};

/** A markdown table, columns padded: it reads in a terminal and pastes into the README. */
function table(header, rows) {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => String(row[column]).length)),
  );
  const line = (cells) =>
    `| ${cells.map((cell, column) => String(cell).padEnd(widths[column])).join(' | ')} |`;
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join(
    '\n',
  );
}
const range = (entry) =>
  `${Math.round(entry.median)} (${Math.round(entry.min)}–${Math.round(entry.max)})`;
console.log('');
console.log(
  table(
    [
      'image',
      'files',
      'check (a)',
      "action (a')",
      'floor (b)',
      'a/b',
      "floor+find (b')",
      "a/b'",
      'manual (c)',
      'c/a',
      'walk',
      'peak RSS',
    ],
    Object.entries(results).map(([name, entry]) => [
      name,
      entry.files.toLocaleString('en'),
      range(entry.check),
      range(entry.action),
      range(entry.floor),
      entry.checkOverFloor,
      range(entry.scanFloor),
      entry.checkOverScanFloor,
      entry.manual ? range(entry.manual) : '',
      entry.manualOverCheck ?? '',
      range(entry.walk),
      `${entry.peakRssMiB} MiB`,
    ]),
  ),
);
console.log(
  `\nms, median (min–max) of ${RUNS} runs after ${WARMUP} warm-up; walk: the probe's own walk time`,
);
if (BASELINE) {
  console.log(
    `\n${table(
      ['image', `baseline ${relative(ROOT, BASELINE)}`, 'baseline/b', 'check (a)', 'a/b'],
      Object.entries(results).map(([name, entry]) => [
        name,
        range(entry.baseline),
        entry.baselineOverFloor,
        range(entry.check),
        entry.checkOverFloor,
      ]),
    )}\n`,
  );
}
console.log(
  `\nWhere one check's time goes (ms, median of ${TRACE_RUNS} traced checks):\n\n${table(
    [
      'image',
      'before the probe container',
      'probe container (create to exit)',
      'after it',
      'total',
      'calls (docker processes, Engine API requests)',
    ],
    Object.entries(results).map(([name, { breakdown: parts }]) => [
      name,
      parts.beforeProbeMs,
      parts.probeMs,
      parts.afterProbeMs,
      parts.totalMs,
      parts.calls.map((call) => call.command).join(', '),
    ]),
  )}\n`,
);
console.log(
  `cold start: node dist/cli.js --version ${range(coldStart.cliVersion)} ms (node -e 0: ${range(coldStart.nodeBare)} ms), peak RSS ${coldStart.cliPeakRssMiB} MiB`,
);
console.log(
  `machine: ${document.machine.cores} cores, ${document.machine.cpu}, docker ${dockerServer}, node ${process.version}; load ${loadBefore[0]} → ${loadAfter[0]}`,
);
for (const [target, met] of Object.entries(targets)) {
  console.log(`${met ? 'met   ' : 'MISSED'} ${target}`);
}
console.log(`${document.benchSeconds} s in all`);

await writeJson(flags.output, document);
