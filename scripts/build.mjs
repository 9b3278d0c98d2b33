// Bundles the action (dist/index.js) and the CLI (dist/cli.js) with esbuild.
// The output is committed and CI checks it is byte-identical to a fresh build,
// so the build must be deterministic: no timestamps, no absolute paths.
//
// Code splitting: what a check does not always need (yaml for a policy file or
// manifests, dockerfile-ast for a Dockerfile, Octokit for the pull request,
// @actions/exec for a build command) is imported where it is used and lands in a
// chunk of its own, so a check loads it only when it uses it. Chunks sit beside the
// entries (dist/chunk-*.js), so `./probe/` resolves from them too.
import { build } from 'esbuild';
import { readdir, readFile, rm } from 'node:fs/promises';

const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
const dist = new URL('../dist/', import.meta.url);

// Chunk names carry a content hash: remove the previous build's, so none is left behind.
for (const name of await readdir(dist).catch(() => [])) {
  if (/^chunk-.*\.js$/.test(name)) await rm(new URL(name, dist));
}

// Some dependencies are CommonJS and call require() on Node built-ins.
const banner = {
  js: "import { createRequire as __nrgCreateRequire } from 'node:module'; const require = __nrgCreateRequire(import.meta.url);",
};

// @actions/core imports @actions/http-client (for OIDC tokens, and with it undici) and
// @actions/exec (platform details) at the top of its modules; the action uses neither
// through core. Resolved as free of side effects, they are left out where unused: undici
// alone took ~70 ms to load at every start of the action. Every import of them gets the
// same answer (ours of @actions/exec too, where it is used and so kept): were it given per
// importer, the first resolution would decide, and the build would not be reproducible.
const coreExtrasWithoutSideEffects = {
  name: 'actions-core-extras-without-side-effects',
  setup(build) {
    build.onResolve({ filter: /^@actions\/(http-client|exec)(\/|$)/ }, async (args) => {
      if (args.pluginData?.resolving) return;
      const resolved = await build.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: { resolving: true },
      });
      return resolved.errors.length > 0 ? resolved : { ...resolved, sideEffects: false };
    });
  },
};

const common = {
  plugins: [coreExtrasWithoutSideEffects],
  outdir: 'dist',
  chunkNames: 'chunk-[hash]',
  splitting: true,
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
// Two builds, not one with both entries: shared between the two, the code would be cut
// into many small chunks, and Node reads and resolves each file one after the other.
await build({ ...common, entryPoints: { index: 'src/action/index.ts' } });
await build({ ...common, entryPoints: { cli: 'src/cli/cli.ts' } });
