import { createRequire as __nrgCreateRequire } from 'node:module'; const require = __nrgCreateRequire(import.meta.url);
import {
  require_dist
} from "./chunk-L2A7LG6M.js";
import {
  RULE_KEYS,
  policyFileSchema
} from "./chunk-ZCF56DUI.js";
import "./chunk-GCD4YOJZ.js";
import "./chunk-QMRDCHHF.js";
import "./chunk-DJT7TGJJ.js";
import {
  CheckError
} from "./chunk-ACNRZZWL.js";
import {
  __toESM
} from "./chunk-LOBMMHTG.js";

// src/policy/parse.ts
var import_yaml = __toESM(require_dist(), 1);

// src/shared/suggest.ts
function editDistance(a, b) {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
    }
    previous = current;
  }
  return previous[b.length];
}
function nearestAll(value, candidates, max = 3) {
  const limit = Math.max(2, Math.floor(value.length / 3));
  let best = [];
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    const distance = editDistance(value, candidate);
    if (distance < bestDistance) {
      best = [candidate];
      bestDistance = distance;
    } else if (distance === bestDistance) {
      best.push(candidate);
    }
  }
  return best.length <= max ? best : [];
}
function didYouMean(value, candidates) {
  const guesses = nearestAll(value, candidates).map((guess) => `"${guess}"`);
  if (guesses.length === 0) return "";
  const list = guesses.length === 1 ? guesses[0] : `${guesses.slice(0, -1).join(", ")} or ${guesses.at(-1)}`;
  return ` (did you mean ${list}?)`;
}

// src/policy/parse.ts
var MAX_POLICY_BYTES = 1024 * 1024;
function position(doc, counter, path, file) {
  let node = doc.getIn(path, true);
  for (let depth = path.length; node === void 0 && depth > 0; depth--) {
    node = doc.getIn(path.slice(0, depth - 1), true);
  }
  const range = node?.range;
  const { line, col } = counter.linePos(range?.[0] ?? 0);
  return `${file}:${line}:${col}`;
}
function fail(where, message, hint) {
  throw new CheckError("input", `${where}: ${message}`, hint);
}
var HINT = `The policy file is described in the README (Policy file); schema/policy.schema.json gives editors completion.`;
function checkKeys(doc, counter, file) {
  const known = {
    "": Object.keys(policyFileSchema.shape),
    ports: ["allow", "variables"],
    rules: RULE_KEYS
  };
  const check = (path, keys, what) => {
    const node = doc.getIn(path, true);
    if (!(0, import_yaml.isMap)(node)) return;
    for (const pair of node.items) {
      const key = String(pair.key?.value ?? pair.key);
      if (keys.includes(key)) continue;
      const { line, col } = counter.linePos(pair.key.range?.[0] ?? 0);
      fail(
        `${file}:${line}:${col}`,
        `unknown ${what} "${key}"${didYouMean(key, keys)}`,
        what === "rule" ? `Use a rule id (NR001) or name (user-not-set); the list is in docs/rules.md.` : `Valid keys here: ${keys.join(", ")}.`
      );
    }
  };
  check([], known[""], "key");
  check(["ports"], known["ports"], "key under ports");
  check(["rules"], known["rules"], "rule");
  const ignores = doc.getIn(["ignore"], true);
  if ((0, import_yaml.isSeq)(ignores)) {
    ignores.items.forEach((_, index) => {
      check(
        ["ignore", String(index)],
        ["rule", "path", "reason", "expires"],
        "key in an ignore entry"
      );
      const rule = doc.getIn(["ignore", index, "rule"]);
      if (typeof rule === "string" && !RULE_KEYS.includes(rule)) {
        fail(
          position(doc, counter, ["ignore", index, "rule"], file),
          `unknown rule "${rule}"${didYouMean(rule, RULE_KEYS)}`,
          "Use a rule id (NR001) or name (user-not-set); the list is in docs/rules.md."
        );
      }
    });
  }
}
function parsePolicy(text, file) {
  if (Buffer.byteLength(text) > MAX_POLICY_BYTES) {
    fail(
      file,
      `the policy file is over ${MAX_POLICY_BYTES} bytes`,
      "A policy is a few lines of YAML; check the path."
    );
  }
  if (/\u0000|\ufffd/.test(text)) {
    fail(file, "the policy file is not UTF-8 text", "Check the path: it should be a YAML file.");
  }
  const counter = new import_yaml.LineCounter();
  const doc = (0, import_yaml.parseDocument)(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const syntax = doc.errors[0];
  if (syntax) {
    const { line, col } = counter.linePos(syntax.pos[0]);
    fail(`${file}:${line}:${col}`, `YAML syntax error: ${syntax.message.split("\n")[0]}`, HINT);
  }
  let raw;
  try {
    raw = doc.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (error) {
    fail(file, `YAML error: ${error.message.split("\n")[0]}`, HINT);
  }
  if (typeof raw !== "object" || Array.isArray(raw)) {
    fail(`${file}:1:1`, "expected a mapping of policy keys (preset, rules, \u2026)", HINT);
  }
  checkKeys(doc, counter, file);
  const parsed = policyFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = position(doc, counter, issue.path, file);
    const at = issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
    fail(where, `${at}${issue.message}`, HINT);
  }
  return { path: file, policy: parsed.data, presetGiven: "preset" in raw };
}
export {
  parsePolicy
};
