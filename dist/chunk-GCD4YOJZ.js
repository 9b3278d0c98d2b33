import { createRequire as __nrgCreateRequire } from 'node:module'; const require = __nrgCreateRequire(import.meta.url);

// src/facts/accounts.ts
var INT64_MAX = 9223372036854775807n;
var INT64_MIN = -9223372036854775808n;
function goAtoi(text) {
  if (!/^[+-]?\d+$/.test(text)) return { value: 0n, error: "syntax" };
  const value = BigInt(text);
  if (value > INT64_MAX) return { value: INT64_MAX, error: "range" };
  if (value < INT64_MIN) return { value: INT64_MIN, error: "range" };
  return { value, error: null };
}
function runtimeInt(field) {
  return goAtoi(field ?? "").value;
}
var GO_SPACE = "\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
var GO_TRIM = new RegExp(`^[${GO_SPACE}]+|[${GO_SPACE}]+$`, "g");
function goTrimSpace(text) {
  return text.replace(GO_TRIM, "");
}
function records(text, skipComments) {
  const result = [];
  const lines = text.split("\n");
  for (let index = 0; index < lines.length; index++) {
    const line = goTrimSpace(lines[index]);
    if (line === "" || skipComments && line.startsWith("#")) continue;
    result.push({ fields: line.split(":"), line: index + 1 });
  }
  return result;
}
function longestLine(text) {
  let longest = 0;
  for (const line of text.split("\n")) longest = Math.max(longest, Buffer.byteLength(line));
  return longest;
}
function parsePasswd(text) {
  return records(text, false).map(({ fields, line }) => ({
    name: fields[0] ?? "",
    uid: runtimeInt(fields[2]),
    gid: runtimeInt(fields[3]),
    written: { uid: fields[2] ?? "", gid: fields[3] ?? "" },
    home: fields[5] ?? "",
    shell: fields[6] ?? "",
    line
  }));
}
function parseGroup(text) {
  return records(text, true).map(({ fields, line }) => ({
    name: fields[0] ?? "",
    gid: runtimeInt(fields[2]),
    members: (fields[3] ?? "").split(",").filter((member) => member !== ""),
    line
  }));
}
function parseAccounts(files) {
  return {
    passwd: files.passwd === null ? null : parsePasswd(files.passwd),
    group: files.group === null ? null : parseGroup(files.group),
    longestLine: {
      passwd: files.passwd === null ? 0 : longestLine(files.passwd),
      group: files.group === null ? 0 : longestLine(files.group)
    },
    notes: files.notes,
    unsafe: files.unsafe
  };
}

export {
  INT64_MAX,
  INT64_MIN,
  goAtoi,
  parseAccounts
};
