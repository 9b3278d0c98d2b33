// Writes the JSON report of every fixture image (fixtures/images/<name>, built by the tests as
// nonroot-guard-fixture/case-<name>:test) to a directory, with timings zeroed: a refactor that
// must not change behaviour compares two such directories (diff -r before after).
// Usage: node scripts/report-snapshots.mjs OUT_DIR
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const out = process.argv[2];
if (!out) {
  console.error('usage: node scripts/report-snapshots.mjs OUT_DIR');
  process.exit(2);
}
await mkdir(out, { recursive: true });

/** Zeroes what differs from run to run: elapsed times. */
function stable(key, value) {
  return /elapsedMs$/.test(key) && typeof value === 'number' ? 0 : value;
}

const names = (await readdir('fixtures/images', { withFileTypes: true }))
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
for (const name of names) {
  const args = ['dist/cli.js', 'check', '--image', `nonroot-guard-fixture/case-${name}:test`];
  args.push('--dockerfile', `fixtures/images/${name}/Dockerfile`, '--format', 'json');
  if (existsSync(`fixtures/images/${name}/manifests`)) {
    args.push('--manifests', `fixtures/images/${name}/manifests/*.yaml`);
  }
  const result = await run(process.execPath, args, { maxBuffer: 64 << 20 }).catch((error) => error);
  const report = JSON.parse(result.stdout);
  await writeFile(join(out, `${name}.json`), `${JSON.stringify(report, stable, 2)}\n`);
}
console.log(`${names.length} reports in ${out}`);
