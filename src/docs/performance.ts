/**
 * The README's performance table, from bench/results.json as `npm run bench`
 * wrote it: the figures a reader sees are the bench's own, and the docs test
 * fails when the two drift apart.
 */

interface Stats {
  median: number;
}

interface ImageResult {
  files: number;
  check: Stats;
  action: Stats;
  floor: Stats;
  scanFloor: Stats;
  walk: Stats;
  checkOverFloor: number;
  checkOverScanFloor: number;
  manual?: Stats;
  manualOverCheck?: number;
}

/** One engine's run of the bench, as the README shows it. */
export interface EngineBench {
  engine: string;
  date: string;
  method: { runs: number; warmup: number };
  machine: {
    cores: number;
    node: string;
    docker: { server: string };
    imageStore?: string;
    builder?: string;
  };
  images: Record<string, ImageResult>;
}

/** The part of bench/results.json the README shows: one run per engine. */
export interface BenchResults {
  engines: EngineBench[];
}

const IMAGE_TITLES: Record<string, string> = {
  busybox: 'busybox, `FROM scratch`',
  debian: 'Debian bookworm, minbase',
  'files-100k': '100,000 files',
};

const ms = (value: number) => `${Math.round(value).toLocaleString('en')} ms`;

/** A table per engine, each with the machine and the engine under it. */
export function performanceSection(results: BenchResults): string {
  return results.engines.map(engineTable).join('\n\n');
}

function engineTable(run: EngineBench): string {
  const rows = Object.entries(run.images).map(([name, image]) =>
    [
      IMAGE_TITLES[name] ?? name,
      image.files.toLocaleString('en'),
      ms(image.check.median),
      ms(image.action.median),
      ms(image.floor.median),
      image.checkOverFloor.toFixed(2),
      ms(image.scanFloor.median),
      image.checkOverScanFloor.toFixed(2),
      image.manual
        ? `${ms(image.manual.median)} (${image.manualOverCheck!.toFixed(1)}× the check)`
        : '',
      ms(image.walk.median),
    ].join(' | '),
  );
  const { machine, method } = run;
  const store = machine.imageStore ? `, the ${machine.imageStore} image store` : '';
  const builder = machine.builder ? `, ${machine.builder} builds` : '';
  return [
    `**Docker ${machine.docker.server.split('+')[0]}**${store}${builder}:`,
    '',
    '| image | files | check | the action | floor | check/floor | floor + find | check/(floor + find) | one container per question | probe walk |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map((row) => `| ${row} |`),
    '',
    `Medians of ${method.runs} runs after ${method.warmup} warm-ups, ${run.date.slice(0, 10)}: ${machine.cores} cores, Node ${machine.node.replace(/^v/, '')}.`,
  ].join('\n');
}
