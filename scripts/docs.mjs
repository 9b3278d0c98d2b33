// `npm run docs`: rewrites the generated blocks of README.md from action.yml, the options
// schema, the rule registry, the hostile corpus and bench/results.json. The TypeScript is bundled on the fly with esbuild.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = await mkdtemp(join(tmpdir(), 'nonroot-guard-docs-'));
try {
  const outfile = join(dir, 'docs.mjs');
  await build({
    entryPoints: ['src/docs/readme.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'error',
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
  });
  const { generatedSections, updateReadme, generatedFiles } = await import(
    pathToFileURL(outfile).href
  );
  const readFixture = (name) => readFileSync(`fixtures/images/${name}/Dockerfile`, 'utf8');
  for (const [path, content] of Object.entries(generatedFiles(readFixture))) {
    const current = await readFile(path, 'utf8').catch(() => null);
    if (current !== content) {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, content);
      console.log(`${path}: updated`);
    }
  }
  const readme = await readFile('README.md', 'utf8');
  const hostileCases = JSON.parse(await readFile('fixtures/hostile/cases.json', 'utf8'));
  const benchResults = JSON.parse(await readFile('bench/results.json', 'utf8'));
  const updated = updateReadme(
    readme,
    generatedSections(await readFile('action.yml', 'utf8'), hostileCases, benchResults),
  );
  if (updated !== readme) await writeFile('README.md', updated);
  console.log(
    updated !== readme
      ? 'README.md: generated sections updated'
      : 'README.md: generated sections are current',
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
