// Bundles the action (dist/index.js) and the CLI (dist/cli.js) with esbuild.
// The output is committed and CI checks it is byte-identical to a fresh build,
// so the build must be deterministic: no timestamps, no absolute paths.
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';

const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));

// Some dependencies are CommonJS and call require() on Node built-ins.
const banner = {
  js: "import { createRequire as __nrgCreateRequire } from 'node:module'; const require = __nrgCreateRequire(import.meta.url);",
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  sourcemap: false,
  legalComments: 'eof',
  banner,
  define: { __NONROOT_GUARD_VERSION__: JSON.stringify(pkg.version) },
  logLevel: 'warning',
};

await build({ ...common, entryPoints: ['src/index.ts'], outfile: 'dist/index.js' });
await build({ ...common, entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js' });
