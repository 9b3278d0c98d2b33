import { createRequire as __nrgCreateRequire } from 'node:module'; const require = __nrgCreateRequire(import.meta.url);
import {
  listSome
} from "./chunk-DJT7TGJJ.js";
import {
  CheckError
} from "./chunk-ACNRZZWL.js";

// src/options/environment.ts
function seconds(raw) {
  if (!/^\s*\d+(\.\d+)?\s*$/.test(raw)) return null;
  const value = Number(raw);
  return value > 0 && value <= 3600 ? value : null;
}
var PROBE_TIMEOUT = {
  name: "NONROOT_GUARD_PROBE_TIMEOUT",
  description: "Seconds the probe container may run before it is stopped (and the check fails closed).",
  defaultText: "120",
  expected: "a number of seconds greater than 0 and at most 3600",
  example: "300",
  parse: seconds
};
var PROBE_TRANSFER = {
  name: "NONROOT_GUARD_PROBE_TRANSFER",
  description: "How the probe binary reaches the container: `mount` (a read-only bind mount) or `copy` (`docker cp` into the created container, for a daemon that does not share this machine\u2019s files).",
  defaultText: "`copy` when DOCKER_HOST is not a unix socket, else `mount`",
  expected: "mount or copy",
  example: "copy",
  parse: (raw) => raw === "mount" || raw === "copy" ? raw : null
};
var GITHUB_TIMEOUT = {
  name: "NONROOT_GUARD_GITHUB_TIMEOUT",
  description: "Seconds all of the action\u2019s GitHub API calls (comment, suggestions) may take together; then it warns and goes on.",
  defaultText: "60",
  expected: "a number of seconds greater than 0 and at most 3600",
  example: "120",
  parse: seconds
};
var ENVIRONMENT = [
  PROBE_TIMEOUT,
  PROBE_TRANSFER,
  GITHUB_TIMEOUT
];
function environmentValue(variable, env = process.env) {
  const raw = env[variable.name];
  if (raw === void 0 || raw.trim() === "") return void 0;
  const value = variable.parse(raw.trim());
  if (value === null) {
    throw new CheckError(
      "usage",
      `${variable.name}=${JSON.stringify(raw)}: expected ${variable.expected}`,
      `Unset it for the default (${variable.defaultText.replace(/`/g, "")}), or give e.g. ${variable.name}=${variable.example}.`
    );
  }
  return value;
}
function checkEnvironment(env = process.env) {
  for (const variable of ENVIRONMENT) environmentValue(variable, env);
}

// src/github/pull-request.ts
var PULL_REQUEST_EVENTS = /* @__PURE__ */ new Set(["pull_request", "pull_request_target"]);
var isSha = (value) => typeof value === "string" && /^[0-9a-f]{40}([0-9a-f]{24})?$/.test(value);
function pullRequestOf(eventName, payload, repository, prNumber) {
  const pull = payload["pull_request"];
  const fromEvent = PULL_REQUEST_EVENTS.has(eventName) && pull && Number.isSafeInteger(pull.number) ? pull.number : void 0;
  const number = prNumber ?? fromEvent;
  if (number === void 0) return null;
  const samePullRequest = fromEvent === number;
  const headRepo = samePullRequest ? pull?.head?.repo : void 0;
  const baseRepo = samePullRequest ? pull?.base?.repo : void 0;
  const fork = samePullRequest && (headRepo === null || headRepo?.full_name !== baseRepo?.full_name) ? String(headRepo?.full_name ?? "a deleted fork") : null;
  const headSha = samePullRequest ? pull?.head?.sha : void 0;
  const login = samePullRequest ? pull?.user?.login : void 0;
  return {
    ...repository,
    number,
    headSha: isSha(headSha) ? headSha : null,
    fork,
    author: typeof login === "string" ? login : null
  };
}
function readOnlyReason(eventName, target) {
  if (eventName !== "pull_request" || target.fork === null) return null;
  return `pull request #${target.number} comes from the fork ${target.fork}, and GitHub gives workflows on fork pull requests a read-only token`;
}
function parseRepository(value) {
  const match = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(value ?? "");
  return match ? { owner: match[1], repo: match[2] } : null;
}

// src/report/describe.ts
function describeUser(report) {
  const { config, uid, gid, name, startError } = report.user;
  const shown = `"${config}"`;
  if (uid === null) return `${shown} \u2192 the container cannot start: ${startError ?? "unresolved"}`;
  const who = uid === 0 ? "root" : name;
  return `${shown} \u2192 uid ${uid}, gid ${gid ?? "?"}${who ? ` (${who})` : ""}`;
}
function describeCounts(report) {
  const { error, warning, notice } = report.summary;
  const parts = [
    [error, "error"],
    [warning, "warning"],
    [notice, "notice"]
  ].filter(([count]) => count > 0).map(([count, word]) => `${count} ${word}${count === 1 ? "" : "s"}`);
  return parts.length > 0 ? parts.join(", ") : "no findings";
}
function shortId(id) {
  return id.replace(/^sha256:/, "").slice(0, 12);
}
function findingPlatforms(report, finding) {
  return report.platforms.length > 1 && finding.platforms.length > 0 ? finding.platforms.join(", ") : null;
}
function describePlatform(entry) {
  if (entry.verdict === "not-checked") {
    return { platform: entry.platform, verdict: "not checked", detail: entry.reason ?? "" };
  }
  const counts = entry.summary ? describeCounts({ summary: entry.summary }) : "no findings";
  const user = entry.user;
  const who = user && user.uid !== null ? `uid ${user.uid}${user.name ? ` (${user.name})` : ""}` : user?.startError ? "cannot start as its user" : "user unknown";
  const blocked = entry.reason ? `; ${entry.reason}` : "";
  return {
    platform: entry.platform,
    verdict: entry.verdict === "pass" ? "pass" : "FAIL",
    detail: `${counts}; ${who}${blocked}`
  };
}
function locationText(location) {
  return location ? `${location.file}:${location.line}` : "image";
}
function describeProbe(report) {
  const probe = report.probe;
  if (probe.status === "failed") return `did not run: ${probe.reason}`;
  if (probe.status === "user-error") return probe.reason;
  const runtime = report.runtime;
  const who = runtime.name ? `uid ${runtime.uid} (${runtime.name})` : `uid ${runtime.uid}`;
  return `ran as ${who}, walked ${runtime.walk.entries} entries in ${runtime.walk.elapsedMs} ms${runtime.walk.truncated ? " (incomplete)" : ""}; ${probe.elapsedMs} ms in all`;
}
function describePolicy(report) {
  const { preset, presetSource, file, failOn, probe } = report.policy;
  const source = presetSource === "input" ? "given as input" : presetSource === "file" ? `from ${file}` : "default";
  const fileNote = file && presetSource !== "file" ? `; policy file ${file}` : "";
  return `preset ${preset} (${source}), fail on ${failOn}, probe ${probe}${fileNote}`;
}
function describePolicyChanges(report) {
  const lines = report.policy.overrides.map(
    (override) => `override ${override.rule} ${override.name}: ${override.preset} \u2192 ${override.level}`
  );
  for (const ignored of report.policy.ignored) {
    const where2 = ignored.path ? ` in ${ignored.path}` : "";
    const until = ignored.expires ? ` until ${ignored.expires}` : "";
    lines.push(
      `ignored ${ignored.count} ${ignored.rule} finding${ignored.count === 1 ? "" : "s"}${where2}${until}: ${ignored.reason}`
    );
  }
  return lines;
}
function rulesBy(entries) {
  const groups = /* @__PURE__ */ new Map();
  for (const { key, rule } of entries) {
    if (!key) continue;
    const rules = groups.get(key) ?? [];
    if (!rules.includes(rule)) rules.push(rule);
    groups.set(key, rules);
  }
  return [...groups].map(([key, rules]) => ({ key, rules }));
}
function distinctDiffs(report) {
  return rulesBy(report.findings.map((f) => ({ key: f.fix?.diff, rule: f.rule }))).map(
    ({ key, rules }) => ({ diff: key, rules })
  );
}
function distinctFixes(report) {
  return rulesBy(report.findings.map((f) => ({ key: f.fix?.summary, rule: f.rule }))).map(
    ({ key, rules }) => ({ summary: key, rules })
  );
}
function skippedByReason(report) {
  return rulesBy(report.skipped.map((s) => ({ key: s.reason, rule: s.rule }))).map(
    ({ key, rules }) => ({ rules, reason: key })
  );
}

// src/report/escape.ts
var SPECIAL = /[\\`*_{}[\]()#+\-.!|<>&"'@~:=$%^\r\n\t]/g;
function entities(value) {
  return value.replace(
    SPECIAL,
    (char) => char === "\n" || char === "\r" || char === "	" ? " " : `&#${char.charCodeAt(0)};`
  );
}
var JOINER = "\u2060";
function unlinkable(value) {
  return value.replace(/[@#]/g, (char) => char + JOINER).replace(/:\/\//g, `:${JOINER}//`).replace(/\b(www)\./gi, `$1${JOINER}.`);
}
var INVISIBLE_CHARACTERS = "\\u2028\\u2029\\p{Cf}";
var INVISIBLE = new RegExp(`[${INVISIBLE_CHARACTERS}]`, "gu");
function showInvisible(value) {
  return value.replace(
    INVISIBLE,
    (char) => `<U+${char.codePointAt(0).toString(16).toUpperCase().padStart(4, "0")}>`
  );
}
function markdownText(value) {
  return entities(unlinkable(showInvisible(value)));
}
function markdownCode(value) {
  return `<code>${entities(showInvisible(value))}</code>`;
}
function markdownProse(value) {
  const escaped = markdownText(value);
  if ((value.match(/`/g)?.length ?? 0) % 2 === 1) return escaped;
  return escaped.replace(/&#96;(.+?)&#96;/g, "<code>$1</code>");
}

// src/report/runtime-facts.ts
var none = (items) => items.length > 0 ? items.join(", ") : "none";
function counted(list, shown) {
  return list.count === 0 ? "none" : `${list.count}: ${listSome(shown, list.count, shown.length)}`;
}
function runtimeFactRows(runtime) {
  const writablePaths = runtime.paths.filter((path) => path.writable).map((path) => path.path);
  return [
    {
      fact: "identity",
      value: `uid ${runtime.uid}, gid ${runtime.gid}, groups ${none(runtime.groups.map(String))}${runtime.name ? `, ${runtime.name}` : ""}`,
      meaning: "who the process is once the runtime applied the image user"
    },
    {
      fact: "home",
      value: runtime.home ?? "unknown",
      meaning: "what HOME will be (/ without a passwd entry)"
    },
    {
      fact: "capabilities",
      value: `effective ${none(runtime.capabilities.effective)}; permitted ${none(runtime.capabilities.permitted)}`,
      meaning: "root's powers the process holds under Docker's defaults"
    },
    {
      fact: "writable checked paths",
      value: none(writablePaths),
      meaning: "of /, /bin, /sbin, /usr, /lib, /etc, /tmp, HOME, WORKDIR and the executable: what the user can modify"
    },
    {
      fact: "writable directories",
      value: counted(runtime.writableDirs, runtime.writableDirs.items.slice(0, 10)),
      meaning: "every directory in the image the user can create files in"
    },
    {
      fact: "setuid/setgid files",
      value: counted(
        runtime.setid,
        runtime.setid.items.slice(0, 10).map((item) => item.path)
      ),
      meaning: "files that run with their owner's or group's rights, anywhere in the image"
    },
    {
      fact: "file capabilities",
      value: counted(
        runtime.fileCaps,
        runtime.fileCaps.items.slice(0, 10).map((item) => item.path)
      ),
      meaning: "files that grant capabilities to whoever runs them"
    },
    {
      fact: "tools",
      value: none(runtime.tools.map((tool) => `${tool.kind} ${tool.path}`)),
      meaning: "shells, package managers and sudo/su/doas present"
    },
    {
      fact: "ports",
      value: none(
        runtime.ports.map(
          (port) => `${port.port}/${port.protocol} ${port.bindable ? "bindable" : `not bindable (${port.error})`}`
        )
      ),
      meaning: "declared ports, bound as the user with a Kubernetes node's unprivileged port start (1024)"
    },
    {
      fact: "walk",
      value: `${runtime.walk.entries} entries in ${runtime.walk.elapsedMs} ms${runtime.walk.truncated ? ", incomplete" : ""}; not scanned: ${counted(
        runtime.walk.unscanned,
        runtime.walk.unscanned.items.slice(0, 5).map((item) => `${item.path} (${item.reason})`)
      )}`,
      meaning: "how much of the filesystem the probe saw, and what it could not"
    }
  ];
}

// src/report/markdown.ts
var SEVERITY_ICON = { error: "\u{1F534} error", warning: "\u{1F7E0} warning", notice: "\u{1F535} notice" };
function renderMarkdown(report, options = {}) {
  const out = [];
  const icon = report.verdict === "pass" ? "\u2705" : "\u274C";
  out.push(
    `### ${icon} Non-root Guard: ${report.verdict} \u2014 ${markdownCode(report.image.ref)} (${describeCounts(report)})`,
    "",
    // The image is the table's header row: GitHub draws an empty header as a blank band.
    `| Image | ${markdownCode(report.image.ref)} ${markdownCode(shortId(report.image.id))} ${markdownText(report.image.platform)} |`,
    "|---|---|",
    `| User | ${userCell(report, options)} |`
  );
  if (report.dockerfile) {
    out.push(
      `| Dockerfile | ${where(report.dockerfile.path, report.dockerfile.finalStage.line, options)}, final stage FROM ${markdownCode(report.dockerfile.finalStage.base)} |`
    );
  }
  if (report.platforms.length > 1) {
    const rows = report.platforms.map((entry) => {
      const { platform, verdict, detail } = describePlatform(entry);
      const icon2 = entry.verdict === "pass" ? "\u2705" : entry.verdict === "fail" ? "\u274C" : "\u26AA";
      return `${icon2} ${markdownCode(platform)} ${markdownText(verdict)}: ${markdownText(detail)}`;
    });
    out.push(`| Platforms | ${rows.join("<br>")} |`);
  }
  out.push(`| Probe | ${markdownText(describeProbe(report))} |`);
  if (report.blocked) out.push(`| Blocked | ${markdownText(report.blocked)} |`);
  out.push(`| Policy | ${markdownText(describePolicy(report))} |`);
  for (const change of describePolicyChanges(report)) out.push(`| | ${markdownText(change)} |`);
  out.push("");
  if (report.findings.length > 0) {
    const shown = report.findings.slice(0, options.maxFindings ?? report.findings.length);
    out.push("| Severity | Rule | Where | What |", "|---|---|---|---|");
    for (const finding of shown) {
      const location = finding.location ? where(finding.location.file, finding.location.line, options, report.dockerfile?.path) : "image";
      const platforms = findingPlatforms(report, finding);
      const on = platforms ? `<br><sub>${markdownText(platforms)}</sub>` : "";
      out.push(
        `| ${SEVERITY_ICON[finding.severity]} | ${finding.rule}<br><sub>${finding.name}</sub> | ${location}${on} | ${markdownProse(finding.message)} |`
      );
    }
    const hidden = report.findings.length - shown.length;
    if (hidden > 0) out.push(`| | | | \u2026and ${hidden} more |`);
    out.push("");
    if (!options.brief) out.push(...fixSection(report));
  }
  if (options.brief) return out.join("\n");
  if (report.runtime) {
    out.push("<details><summary>Runtime facts (from the probe)</summary>", "");
    out.push("| Fact | Value | What it means |", "|---|---|---|");
    for (const row of runtimeFactRows(report.runtime)) {
      out.push(`| ${row.fact} | ${markdownText(row.value)} | ${row.meaning} |`);
    }
    out.push("", "</details>", "");
  }
  if (report.notes.length > 0 || report.skipped.length > 0) {
    out.push("<details><summary>Notes</summary>", "");
    for (const { rules, reason } of skippedByReason(report))
      out.push(`- skipped ${rules.join(", ")}: ${markdownText(reason)}`);
    for (const note of report.notes) out.push(`- ${markdownText(note)}`);
    out.push("", "</details>", "");
  }
  return out.join("\n");
}
function userCell(report, options) {
  const { uid, gid, name, startError } = report.user;
  const set = report.dockerfile?.user;
  const source = set ? `${markdownCode(`USER ${set.raw}`)} (${where(report.dockerfile.path, set.line, options, report.dockerfile.path)})` : report.user.config === "" ? "not set" : `${markdownCode(report.user.config)} (from the base image)`;
  if (uid === null) {
    return `${source} \u2192 the container cannot start: ${markdownCode(startError ?? "unresolved")}`;
  }
  const who = uid === 0 ? "root" : name;
  return `${source} \u2192 uid ${uid}, gid ${gid ?? "?"}${who ? ` (${markdownText(who)})` : ""}`;
}
function where(file, line, options, known) {
  const text = file === known ? `line ${line}` : markdownCode(`${file}:${line}`);
  return options.lineUrl ? `<a href="${escapeAttribute(options.lineUrl(file, line))}">${text}</a>` : text;
}
function escapeAttribute(url) {
  return url.replace(/[&"<>]/g, (char) => `&#${char.charCodeAt(0)};`);
}
function fixSection(report) {
  const fixes = distinctFixes(report);
  if (fixes.length === 0) return [];
  const out = ["**How to fix**", ""];
  for (const { summary, rules } of fixes) {
    out.push(`- **${rules.join(", ")}** ${markdownProse(summary)}`);
  }
  out.push("");
  const diffs = distinctDiffs(report);
  for (const { diff, rules } of diffs) {
    out.push(
      `<details${diffs.length === 1 ? " open" : ""}><summary>${rules.join(", ")}: the change, as a diff (<code>git apply</code> accepts it)</summary>`,
      "",
      ...fenced(diff, "diff"),
      "",
      "</details>",
      ""
    );
  }
  return out;
}
function fenced(raw, language) {
  const content = showInvisible(raw);
  const longest = Math.max(0, ...[...content.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = "`".repeat(Math.max(3, longest + 1));
  return [`${fence}${language}`, content.replace(/\n$/, ""), fence];
}

// src/report/comment.ts
var COMMENT_LIMIT = 65536;
var SUMMARY_LIMIT = 1024 * 1024;
function commentMarker(commentId) {
  return `<!-- nonroot-guard:comment ${encodeURIComponent(commentId)} -->`;
}
function renderComment(report, context) {
  const footer = commentFooter(context);
  const full = [context.marker, renderMarkdown(report, { lineUrl: context.lineUrl }), footer].join(
    "\n"
  );
  if (full.length <= COMMENT_LIMIT) return full;
  const where2 = context.runUrl ? `the [job summary](${context.runUrl})` : "the job summary";
  const tooLong = `The full report (fixes as diffs, runtime facts) is ${full.length.toLocaleString("en")} characters, more than a comment holds: see ${where2}.`;
  return fitFindings(
    report,
    (options) => [
      context.marker,
      renderMarkdown(report, { ...options, lineUrl: context.lineUrl }),
      "",
      tooLong,
      footer
    ].join("\n"),
    COMMENT_LIMIT,
    (text) => text.length
  );
}
function renderSummary(report) {
  const full = renderMarkdown(report);
  const bytes = (text) => Buffer.byteLength(text, "utf8");
  if (bytes(full) <= SUMMARY_LIMIT) return full;
  const tooLong = `The full report is ${bytes(full).toLocaleString("en")} bytes, more than a job summary holds: it is in the JSON report (the \`report\` output).`;
  return fitFindings(
    report,
    (options) => [renderMarkdown(report, options), "", tooLong].join("\n"),
    SUMMARY_LIMIT,
    bytes
  );
}
function fitFindings(report, render, limit, size) {
  const attempt = (maxFindings) => render({ brief: true, maxFindings });
  let low = 0;
  let high = report.findings.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (size(attempt(middle)) <= limit) low = middle;
    else high = middle - 1;
  }
  return attempt(low);
}
function commentFooter(context) {
  const parts = ["<sub>Non-root Guard"];
  if (context.sha) parts.push(` \xB7 checked ${context.sha.slice(0, 7)}`);
  if (context.runUrl) parts.push(` \xB7 [run](${context.runUrl})`);
  parts.push(" \xB7 this comment is updated on every run</sub>");
  return parts.join("");
}

export {
  PROBE_TIMEOUT,
  PROBE_TRANSFER,
  GITHUB_TIMEOUT,
  environmentValue,
  checkEnvironment,
  pullRequestOf,
  readOnlyReason,
  parseRepository,
  describeUser,
  describeCounts,
  shortId,
  findingPlatforms,
  describePlatform,
  locationText,
  describeProbe,
  describePolicy,
  describePolicyChanges,
  distinctDiffs,
  skippedByReason,
  INVISIBLE_CHARACTERS,
  showInvisible,
  markdownProse,
  fenced,
  commentMarker,
  renderComment,
  renderSummary
};
