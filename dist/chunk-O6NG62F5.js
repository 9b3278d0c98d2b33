import { createRequire as __nrgCreateRequire } from 'node:module'; const require = __nrgCreateRequire(import.meta.url);

// src/policy/rules/runtime-common.ts
function runtime(facts) {
  if (!facts.runtime) throw new Error("a probe rule ran without the probe facts it declared");
  return facts.runtime;
}
function octal(mode) {
  return mode === null ? "?" : mode.toString(8).padStart(4, "0");
}
function describePath(entry) {
  return `${entry.path} (owner ${entry.uid ?? "?"}:${entry.gid ?? "?"}, mode ${octal(entry.mode)})`;
}
function listSome(items, total = items.length, shown = 5) {
  const head = items.slice(0, shown);
  const more = total - head.length;
  return more > 0 ? `${head.join(", ")} and ${more} more` : head.join(", ");
}
function whoRuns(output) {
  const { uid, name } = output.identity;
  return name ? `uid ${uid} (${name})` : `uid ${uid}`;
}

export {
  runtime,
  octal,
  describePath,
  listSome,
  whoRuns
};
