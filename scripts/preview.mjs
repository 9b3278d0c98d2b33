// `npm run preview [-- CASE...]`: renders the PR comment and the job summary of
// a few fixture reports to HTML, close to how GitHub shows them, so a person can
// look at them (preview/index.html); with Chromium on PATH it also screenshots
// every page (CHROMIUM=none: no screenshots; CHROMIUM=/path: that browser).
//
// The reports are real: each case's image is built offline with the test
// helper's own buildImage() (busybox copied into a temporary context, as the
// test setup does) and checked by the committed CLI (dist/cli.js --format
// json). The renderers are the TypeScript in src/report, bundled on the fly
// with esbuild, so the preview always shows the working tree's markdown.
// Needs Docker and /bin/busybox (Debian: apt-get install busybox-static).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { Marked } from 'marked';
// Node 24 runs this TypeScript helper as is (type stripping): the same code builds the test images.
import { BASES, BUSYBOX, FIXTURES, REPO_ROOT, buildImage } from '../__tests__/helpers/docker.ts';

const OUT = join(REPO_ROOT, 'preview');
const REPO_URL = 'https://github.com/octo-org/octo-app';
const SHA = '3f2c9e1d8b7a6c5d4e3f2a1b0c9d8e7f6a5b4c3d';
const RUN_URL = `${REPO_URL}/actions/runs/8412345678`;
const WIDTH = 900;

/** Representative cases: a pass, the classic mistake, many findings, hostile names, no shell. */
const CASES = [
  {
    name: 'pass-dotnet',
    dir: 'fixtures/images/app-uid-dotnet-base',
    preset: 'baseline',
    about: 'passing: USER $APP_UID on a .NET-like base (app, uid 1654)',
  },
  {
    name: 'forgot-user',
    dir: 'examples/forgot-user',
    busybox: true,
    preset: 'baseline',
    about: 'failing: USER only in the build stage, so the image runs as root; one fix diff',
  },
  {
    name: 'debian-root',
    dir: 'fixtures/images/debian-root',
    debian: true,
    preset: 'hardened',
    about: 'failing on a real Debian base under hardened: seven findings, a useradd diff',
  },
  {
    name: 'run-chown-app',
    dir: 'fixtures/images/run-chown-app',
    preset: 'restricted',
    about: 'failing: two findings share one fix diff',
  },
  {
    name: 'hostile-names',
    dir: 'fixtures/images/hostile-names',
    preset: 'restricted',
    about: 'setuid files named with a newline, <!--, @someone, ](javascript:…), a backtick',
  },
  {
    name: 'shell-less-root',
    dir: 'fixtures/images/shell-less-root',
    preset: 'baseline',
    about: 'failing: a shell-less image left as root, so the fix cannot RUN useradd',
  },
  {
    name: 'chiseled-pass',
    dir: 'fixtures/images/nonroot-base-no-user',
    preset: 'hardened',
    about: 'passing: a chiseled-like base that is non-root by default, no findings',
  },
];

function fail(message) {
  console.error(`preview: ${message}`);
  process.exit(2);
}

const started = Date.now();
const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !CASES.some((entry) => entry.name === name));
if (unknown.length > 0) {
  fail(`no case ${unknown.join(', ')}; the cases are ${CASES.map((c) => c.name).join(', ')}`);
}
const cases = wanted.length > 0 ? CASES.filter((entry) => wanted.includes(entry.name)) : CASES;

if (!existsSync(BUSYBOX)) fail(`${BUSYBOX} is missing: apt-get install busybox-static`);
try {
  execFileSync('docker', ['version', '--format', '{{.Server.Version}}'], { stdio: 'ignore' });
} catch {
  fail('no Docker daemon answers: start dockerd (or Docker Desktop) and retry');
}

// ---------------------------------------------------------------------------
// The renderers, bundled from src/ into a temporary module.

const scratch = await mkdtemp(join(tmpdir(), 'nonroot-guard-preview-'));
let renderers;
try {
  const bundle = await build({
    entryPoints: [join(REPO_ROOT, 'src/report/comment.ts')],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    target: 'node24',
    logLevel: 'warning',
  });
  const file = join(scratch, 'renderers.mjs');
  await writeFile(file, bundle.outputFiles[0].contents);
  renderers = await import(pathToFileURL(file).href);
} catch (error) {
  await rm(scratch, { recursive: true, force: true });
  fail(`bundling src/report/comment.ts failed: ${error.message}`);
}
const { commentMarker, renderComment, renderSummary } = renderers;

// ---------------------------------------------------------------------------
// The reports: bases and case images built offline, then the CLI's JSON.

console.log('building the fixture base images (offline, from /bin/busybox)…');
for (const base of BASES.filter((entry) => entry.name !== 'tools')) {
  await buildImage(join(FIXTURES, 'bases', base.name), base.tag, { busybox: base.needsBusybox });
}

/** The Debian base comes from a cached debootstrap (scripts/debian-minbase.sh); without it the case is skipped. */
function debianBase() {
  const result = spawnSync('bash', [join(REPO_ROOT, 'scripts/debian-minbase.sh')], {
    encoding: 'utf8',
    timeout: 600_000,
  });
  return result.status === 0
    ? null
    : (result.stderr || result.error?.message || `exit ${result.status}`).trim();
}

async function checkCase(entry) {
  const tag = `ghcr.io/octo-org/octo-app:preview-${entry.name}`;
  await buildImage(join(REPO_ROOT, entry.dir), tag, { busybox: entry.busybox });
  const result = spawnSync(
    process.execPath,
    [
      'dist/cli.js',
      'check',
      '--image',
      tag,
      '--dockerfile',
      `${entry.dir}/Dockerfile`,
      '--preset',
      entry.preset,
      '--format',
      'json',
    ],
    { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`dist/cli.js exited ${result.status}:\n${result.stderr}`);
  }
  return JSON.parse(result.stdout);
}

// ---------------------------------------------------------------------------
// Markdown → HTML as GitHub would show it: GFM, then a sanitizing pass modelled
// on GitHub's (an allow-list of tags and attributes, http(s) links only), then
// GitHub's text filters (mentions, #references), so what would ping someone shows.

// Comments on GitHub turn every newline into a line break; the job summary does not.
const commentMarked = new Marked({ gfm: true, breaks: true });
const summaryMarked = new Marked({ gfm: true, breaks: false });

const ALLOWED_TAGS = new Set(
  (
    'a b blockquote br code dd del details div dl dt em h1 h2 h3 h4 h5 h6 hr i img input ins ' +
    'kbd li ol p pre q s samp span strong sub summary sup table tbody td tfoot th thead tr ul var'
  ).split(' '),
);
/** Elements GitHub removes with everything inside them. */
const DROPPED_WITH_CONTENT = new Set(
  'script style iframe frame frameset object embed template noscript noembed textarea title xmp svg math'.split(
    ' ',
  ),
);
const TAG =
  /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/y;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

function decodeEntities(text) {
  const named = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
  return text.replace(/&(?:#(\d+)|#x([0-9a-f]+)|(\w+));/gi, (whole, dec, hex, name) => {
    if (dec || hex) return String.fromCodePoint(Number.parseInt(dec ?? hex, dec ? 10 : 16));
    return named[name.toLowerCase()] ?? whole;
  });
}

const escapeHtml = (text) =>
  text.replace(
    /[&<>"]/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char],
  );

function isWebUrl(value) {
  // Browsers ignore control characters and spaces around a URL; so does this check.
  // eslint-disable-next-line no-control-regex
  return /^https?:\/\//i.test(decodeEntities(value).replace(/[\u0000-\u0020]/g, ''));
}

function keptAttributes(tag, attributes, events) {
  const kept = [];
  for (const [, rawName, double, single, bare] of attributes.matchAll(ATTRIBUTE)) {
    const name = rawName.toLowerCase();
    const value = double ?? single ?? bare ?? '';
    const allowed =
      (tag === 'a' && name === 'href' && isWebUrl(value)) ||
      (tag === 'img' && (name === 'alt' || (name === 'src' && isWebUrl(value)))) ||
      (tag === 'details' && name === 'open') ||
      ((tag === 'td' || tag === 'th') && name === 'align') ||
      (tag === 'ol' && name === 'start') ||
      (tag === 'code' && name === 'class' && /^language-[\w-]+$/.test(value)) ||
      (tag === 'input' && ['type', 'checked', 'disabled'].includes(name));
    if (allowed) {
      kept.push(
        double === undefined && single === undefined && bare === undefined
          ? name
          : `${name}="${escapeHtml(decodeEntities(value))}"`,
      );
    } else {
      events.push(`removed ${name}="${value.slice(0, 60)}" from <${tag}>`);
    }
  }
  return kept.length > 0 ? ` ${kept.join(' ')}` : '';
}

/** What GitHub links in plain text: @mentions (which notify someone) and #references. */
const MENTION = /(^|[^\w`/])(@[A-Za-z0-9][A-Za-z0-9-]*|#\d+\b)/g;

function linkifyText(text, events) {
  const decoded = decodeEntities(text);
  let out = '';
  let last = 0;
  for (const match of decoded.matchAll(MENTION)) {
    const start = match.index + match[1].length;
    out += escapeHtml(decoded.slice(last, start));
    const kind = match[2].startsWith('@') ? 'mention' : 'reference';
    events.push(`GitHub would make a ${kind} of ${match[2]}`);
    out += `<span class="mention" title="GitHub links this">${escapeHtml(match[2])}</span>`;
    last = start + match[2].length;
  }
  return last === 0 ? text : out + escapeHtml(decoded.slice(last));
}

/**
 * An allow-list sanitizer in the spirit of GitHub's: unknown tags go (their
 * text stays), script-like ones go with their content, attributes go unless
 * allowed, links must be http(s). Returns the HTML and what it removed.
 */
function sanitize(html) {
  const events = [];
  let out = '';
  let index = 0;
  let literal = 0; // inside <code>, <pre> or <a>: GitHub makes no mentions there
  while (index < html.length) {
    const next = html.indexOf('<', index);
    const text = html.slice(index, next === -1 ? html.length : next);
    out += literal > 0 ? text : linkifyText(text, events);
    if (next === -1) break;
    index = next;
    if (html.startsWith('<!--', index)) {
      const end = html.indexOf('-->', index + 4);
      const stop = end === -1 ? html.length : end + 3;
      events.push(`removed an HTML comment: ${html.slice(index, Math.min(stop, index + 300))}`);
      index = stop;
      continue;
    }
    TAG.lastIndex = index;
    const tag = TAG.exec(html);
    if (!tag) {
      out += '&lt;';
      index += 1;
      continue;
    }
    index = TAG.lastIndex;
    const [whole, closing, rawName, attributes] = tag;
    const name = rawName.toLowerCase();
    if (DROPPED_WITH_CONTENT.has(name)) {
      events.push(`removed <${name}> and its content`);
      if (!closing) {
        const end = html.toLowerCase().indexOf(`</${name}`, index);
        index = end === -1 ? html.length : html.indexOf('>', end) + 1 || html.length;
      }
      continue;
    }
    if (!ALLOWED_TAGS.has(name)) {
      events.push(`removed the tag ${whole.slice(0, 80)}`);
      continue;
    }
    if (name === 'code' || name === 'pre' || name === 'a')
      literal = Math.max(0, literal + (closing ? -1 : 1));
    if (name === 'img') events.push(`an image: ${whole.slice(0, 80)}`);
    out += closing ? `</${name}>` : `<${name}${keptAttributes(name, attributes, events)}>`;
  }
  return { html: out, events };
}

/** GitHub colours a ```diff block by line; so does the preview. */
function colourDiffs(html) {
  return html.replace(
    /<pre><code class="language-diff">([\s\S]*?)<\/code><\/pre>/g,
    (_, body) =>
      `<pre><code class="language-diff">${body
        .split('\n')
        .map((line) => {
          const kind = /^(\+\+\+|---)/.test(line)
            ? 'meta'
            : line.startsWith('+')
              ? 'add'
              : line.startsWith('-')
                ? 'del'
                : line.startsWith('@@')
                  ? 'hunk'
                  : null;
          return kind ? `<span class="diff-${kind}">${line}</span>` : line;
        })
        .join('\n')}</code></pre>`,
  );
}

/** Links that go anywhere but this repository on github.com are worth a look. */
function foreignLinks(html) {
  const found = [];
  for (const [, href] of html.matchAll(/<a href="([^"]*)"/g)) {
    if (!decodeEntities(href).startsWith(`${REPO_URL}/`)) found.push(`a link to ${href}`);
  }
  return found;
}

// ---------------------------------------------------------------------------
// Pages.

const STYLE = `
:root { color-scheme: light; }
body { margin: 0; padding: 16px 20px; background: #fff; color: #1f2328;
  font: 14px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; }
.note { max-width: 860px; margin: 0 0 12px; font-size: 12px; color: #59636e; }
.note b { color: #1f2328; }
.note .warn { color: #d1242f; font-weight: 600; }
.box { max-width: 860px; border: 1px solid #d1d9e0; border-radius: 6px; }
.box-head { padding: 8px 16px; background: #f6f8fa; border-bottom: 1px solid #d1d9e0;
  border-radius: 6px 6px 0 0; color: #59636e; }
.box-head strong { color: #1f2328; }
.label { margin-left: 4px; padding: 0 6px; border: 1px solid #d1d9e0; border-radius: 2em; font-size: 12px; }
.markdown-body { padding: 16px; overflow-wrap: break-word; }
.markdown-body > :first-child { margin-top: 0 !important; }
.markdown-body > :last-child { margin-bottom: 0 !important; }
.markdown-body h1, .markdown-body h2, .markdown-body h3, .markdown-body h4 {
  margin: 24px 0 16px; font-weight: 600; line-height: 1.25; }
.markdown-body h3 { font-size: 1.25em; }
.markdown-body p, .markdown-body ul, .markdown-body ol, .markdown-body table,
.markdown-body pre, .markdown-body details { margin: 0 0 16px; }
.markdown-body ul, .markdown-body ol { padding-left: 2em; }
.markdown-body li + li { margin-top: 4px; }
.markdown-body a { color: #0969da; text-decoration: none; }
.markdown-body code { padding: 0.2em 0.4em; font-size: 85%; white-space: break-spaces;
  background: rgba(129, 139, 152, 0.12); border-radius: 6px;
  font-family: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", "DejaVu Sans Mono", monospace; }
.markdown-body pre { padding: 16px; overflow: auto; font-size: 85%; line-height: 1.45;
  background: #f6f8fa; border-radius: 6px; }
.markdown-body pre code { padding: 0; font-size: 100%; white-space: pre; background: transparent; }
.markdown-body table { display: block; width: max-content; max-width: 100%; overflow: auto;
  border-collapse: collapse; border-spacing: 0; }
.markdown-body th, .markdown-body td { padding: 6px 13px; border: 1px solid #d1d9e0; }
.markdown-body th { font-weight: 600; }
.markdown-body tr:nth-child(2n) { background: #f6f8fa; }
.markdown-body summary { cursor: pointer; }
.markdown-body sub { color: #59636e; }
.diff-add { color: #116329; background: #dafbe1; }
.diff-del { color: #82071e; background: #ffebe9; }
.diff-hunk { color: #8250df; }
.diff-meta { font-weight: 600; }
.mention { font-weight: 600; color: #1f2328; background: #fff8c5; }
`;

// Nothing in a preview page runs or loads: even a sanitizer slip stays on screen.
const CSP = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`;

function page({ title, note, head, body }) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
${CSP}
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<p class="note">${note}</p>
<div class="box">
<div class="box-head">${head}</div>
<div class="markdown-body">
${body}
</div>
</div>
</body>
</html>
`;
}

function lineUrl(file, line) {
  const path = file.split('/').map(encodeURIComponent).join('/');
  return `${REPO_URL}/blob/${SHA}/${path}#L${line}`;
}

/** Renders one report's comment and summary; returns the pages written and what looks wrong. */
async function writePages(entry, report) {
  const marker = commentMarker(report.image.ref);
  const comment = renderComment(report, { marker, runUrl: RUN_URL, sha: SHA, lineUrl });
  const summary = renderSummary(report);
  await writeFile(join(OUT, `${entry.name}-comment.md`), comment);
  await writeFile(join(OUT, `${entry.name}-summary.md`), summary);
  await writeFile(join(OUT, `${entry.name}.json`), `${JSON.stringify(report, null, 2)}\n`);

  const problems = [];
  if (!comment.startsWith(`${marker}\n`))
    problems.push('the comment does not start with its marker');
  const pages = [];
  for (const kind of ['comment', 'summary']) {
    const markdown = kind === 'comment' ? comment : summary;
    const raw = (kind === 'comment' ? commentMarked : summaryMarked).parse(markdown);
    const { html, events } = sanitize(raw);
    // Our marker is the one HTML comment a comment may have; anything else removed is news.
    const expected = kind === 'comment' ? [`removed an HTML comment: ${marker}`] : [];
    const unexpected = events.filter((event, at) => !(at === 0 && event === expected[0]));
    if (expected.length > 0 && events[0] !== expected[0]) unexpected.unshift('no marker removed');
    unexpected.push(...foreignLinks(html));
    problems.push(...unexpected.map((event) => `${kind}: ${event}`));
    const warnings = unexpected.length
      ? ` · <span class="warn">${unexpected.length} sanitizer note(s): ${escapeHtml(unexpected.join('; '))}</span>`
      : '';
    const bytes = Buffer.byteLength(markdown, 'utf8').toLocaleString('en');
    const variants = kind === 'comment' ? [false, true] : [false];
    for (const open of variants) {
      const file = `${entry.name}-${kind}${open ? '-open' : ''}.html`;
      const body = colourDiffs(open ? html.replaceAll('<details>', '<details open>') : html);
      const head =
        kind === 'comment'
          ? '<strong>github-actions</strong><span class="label">bot</span> commented'
          : '<strong>check</strong> summary';
      const note = `<b>${escapeHtml(entry.name)}</b> · ${kind}${open ? ' (all details open)' : ''} · preset ${entry.preset} · ${bytes} bytes of markdown · ${escapeHtml(entry.about)}${warnings}`;
      await writeFile(join(OUT, file), page({ title: `${entry.name} ${kind}`, note, head, body }));
      pages.push(file);
    }
  }
  return { pages, problems };
}

function indexPage(results, shots) {
  const rows = results
    .map(({ entry, report, pages, problems, error }) => {
      if (error) {
        return `<tr><td><b>${escapeHtml(entry.name)}</b></td><td colspan="3" class="warn">skipped: ${escapeHtml(error)}</td></tr>`;
      }
      const links = pages
        .map((file) => {
          const png = file.replace(/\.html$/, '.png');
          const thumb = shots.has(png)
            ? `<br><a href="${png}"><img src="${png}" width="180" alt="screenshot of ${file}"></a>`
            : '';
          return `<div class="page"><a href="${file}">${file}</a>${thumb}</div>`;
        })
        .join('');
      const extra = ['comment.md', 'summary.md', 'json']
        .map((suffix) => {
          const file = suffix === 'json' ? `${entry.name}.json` : `${entry.name}-${suffix}`;
          return `<a href="${file}">${suffix}</a>`;
        })
        .join(' · ');
      const notes = problems.length
        ? `<div class="warn">${problems.map(escapeHtml).join('<br>')}</div>`
        : '';
      return `<tr><td><b>${escapeHtml(entry.name)}</b><br>${escapeHtml(entry.about)}<br>${report.verdict}, ${report.findings.length} finding(s), preset ${entry.preset}<br>${extra}${notes}</td><td>${links}</td></tr>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Non-root Guard preview</title>
<style>
body { margin: 16px 20px; color: #1f2328; font: 14px/1.5 "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; }
table { border-collapse: collapse; } td { padding: 8px; border: 1px solid #d1d9e0; vertical-align: top; }
.page { display: inline-block; margin: 0 8px 8px 0; vertical-align: top; }
img { border: 1px solid #d1d9e0; } a { color: #0969da; } .warn { color: #d1242f; }
</style>
</head>
<body>
<h1>Non-root Guard: PR comment and job summary preview</h1>
<p>Rendered from the working tree's src/report with marked (GFM), sanitized the way GitHub does, for
the images below. Screenshots: headless Chromium at ${WIDTH}px, details closed unless the name says open.</p>
<table>
${rows}
</table>
</body>
</html>
`;
}

// ---------------------------------------------------------------------------
// Screenshots, when Chromium is installed.

/** Chromium from PATH; CHROMIUM=/path/to/chrome picks another, CHROMIUM=none takes no screenshots. */
function findChromium() {
  const chosen = process.env.CHROMIUM;
  if (chosen !== undefined) return chosen === '' || chosen === 'none' ? null : chosen;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
    if (found.status === 0) return found.stdout.trim();
  }
  return null;
}

function runChromium(chromium, args) {
  return new Promise((resolve) => {
    mkdtemp(join(scratch, 'profile-')).then((profile) => {
      const child = spawn(chromium, [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-extensions',
        '--no-first-run',
        '--hide-scrollbars',
        '--force-device-scale-factor=1',
        `--user-data-dir=${profile}`,
        ...args,
      ]);
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk) => (stdout += chunk));
      child.stderr.on('data', (chunk) => (stderr += chunk));
      const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
      child.on('close', (status) => {
        clearTimeout(timer);
        resolve({ status, stdout, stderr });
      });
    });
  });
}

/**
 * Chromium's --screenshot shows the window, not the page. So one browser first
 * loads every page in a frame as wide as the window and reports each one's
 * height (read back with --dump-dom); then each page is shot in a window that tall.
 */
async function measureHeights(chromium, files) {
  const frames = files
    .map((file) => `<iframe src="${pathToFileURL(join(OUT, file)).href}"></iframe>`)
    .join('\n');
  const measure = join(scratch, 'measure.html');
  await writeFile(
    measure,
    `<!doctype html><style>iframe { display: block; width: ${WIDTH}px; height: 100px; border: 0; }</style>
${frames}
<script>
window.addEventListener('load', () => {
  const heights = [...document.querySelectorAll('iframe')].map(
    (frame) => frame.contentDocument.documentElement.scrollHeight,
  );
  document.body.dataset.heights = JSON.stringify(heights);
});
</script>`,
  );
  const measured = await runChromium(chromium, [
    '--allow-file-access-from-files',
    `--window-size=${WIDTH},1000`,
    '--dump-dom',
    pathToFileURL(measure).href,
  ]);
  const heights = /data-heights="([^"]*)"/.exec(measured.stdout)?.[1];
  if (!heights) return new Map();
  const list = JSON.parse(heights.replaceAll('&quot;', '"'));
  return new Map(files.map((file, index) => [file, list[index]]));
}

async function screenshot(chromium, file, height) {
  const png = file.replace(/\.html$/, '.png');
  const shot = await runChromium(chromium, [
    `--window-size=${WIDTH},${Math.min(Math.max(height ?? 1400, 300), 12_000)}`,
    `--screenshot=${join(OUT, png)}`,
    pathToFileURL(join(OUT, file)).href,
  ]);
  if (shot.status !== 0 || !existsSync(join(OUT, png))) {
    throw new Error(`chromium could not screenshot ${file}:\n${shot.stderr.slice(-2000)}`);
  }
  return png;
}

/** A few Chromium processes at a time: each is a whole browser. */
async function screenshotAll(chromium, files) {
  const heights = await measureHeights(chromium, files);
  if (heights.size === 0) console.log('could not measure the pages: screenshots are 1400 px tall');
  const shots = [];
  const queue = [...files];
  const worker = async () => {
    while (queue.length > 0) {
      const file = queue.shift();
      shots.push(await screenshot(chromium, file, heights.get(file)));
    }
  };
  await Promise.all([worker(), worker(), worker()]);
  return shots.sort();
}

// ---------------------------------------------------------------------------

await mkdir(OUT, { recursive: true });
for (const file of await readdir(OUT)) {
  if (/\.(html|png|md|json)$/.test(file)) await unlink(join(OUT, file));
}

const results = [];
let debian;
try {
  for (const entry of cases) {
    if (entry.debian) {
      debian ??= debianBase() ?? 'ok';
      if (debian !== 'ok') {
        console.log(`${entry.name}: skipped, no Debian base: ${debian}`);
        results.push({ entry, error: `no Debian base (scripts/debian-minbase.sh): ${debian}` });
        continue;
      }
    }
    const report = await checkCase(entry);
    const { pages, problems } = await writePages(entry, report);
    console.log(
      `${entry.name}: ${report.verdict}, ${report.findings.length} finding(s) under ${entry.preset}`,
    );
    for (const problem of problems) console.log(`  ! ${problem}`);
    results.push({ entry, report, pages, problems });
  }

  const chromium = findChromium();
  let shots = [];
  if (chromium) {
    console.log(`taking screenshots with ${chromium}…`);
    shots = await screenshotAll(
      chromium,
      results.flatMap((result) => result.pages ?? []),
    );
  }
  await writeFile(join(OUT, 'index.html'), indexPage(results, new Set(shots)));

  console.log(`\nopen ${pathToFileURL(join(OUT, 'index.html')).href}`);
  if (chromium) {
    console.log('screenshots:');
    for (const shot of shots) console.log(`  ${relative(process.cwd(), join(OUT, shot))}`);
  } else {
    console.log(
      'no screenshots: no Chromium on PATH (or CHROMIUM=none). Debian/Ubuntu: apt-get install chromium fonts-noto-color-emoji',
    );
  }
  console.log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} finally {
  await rm(scratch, { recursive: true, force: true });
}
if (results.some((result) => result.problems?.length)) {
  console.log('\nsome pages have sanitizer notes (marked "!" above): look at them.');
}
