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

/** The part of bench/results.json the README shows. */
export interface BenchResults {
  date: string;
  method: { runs: number; warmup: number };
  machine: { cores: number; node: string; docker: { server: string } };
  images: Record<string, ImageResult>;
}

const IMAGE_TITLES: Record<string, string> = {
  busybox: 'busybox, `FROM scratch`',
  debian: 'Debian bookworm, minbase',
  'files-100k': '100,000 files',
};

const ms = (value: number) => `${Math.round(value).toLocaleString('en')} ms`;

export function performanceSection(results: BenchResults): string {
  const rows = Object.entries(results.images).map(([name, image]) =>
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
  const { machine, method } = results;
  return [
    '| image | files | check | the action | floor | check/floor | floor + find | check/(floor + find) | one container per question | probe walk |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map((row) => `| ${row} |`),
    '',
    `Medians of ${method.runs} runs after ${method.warmup} warm-ups, ${results.date.slice(0, 10)}: ${machine.cores} cores, Docker ${machine.docker.server.split('+')[0]}, Node ${machine.node.replace(/^v/, '')}.`,
  ].join('\n');
}
