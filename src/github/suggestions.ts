/**
 * Review suggestions from the fixes' unified diffs. A GitHub suggestion
 * replaces a range of lines of the pull request's head with new text, and may
 * only sit on lines the pull request's diff shows (on its new side). Pure:
 * the diffs and the PR's patches are passed in.
 */

export interface Suggestion {
  path: string;
  /** First and last line replaced, 1-based, in the file as the pull request has it. */
  startLine: number;
  line: number;
  /** The text that replaces those lines. */
  replacement: string[];
}

interface Hunk {
  path: string;
  oldStart: number;
  lines: { op: ' ' | '-' | '+'; text: string }[];
}

/** The hunks of a unified diff (ours: `--- a/`, `+++ b/`, `@@ -s,c +s,c @@`). */
function parseHunks(diff: string): Hunk[] | null {
  const hunks: Hunk[] = [];
  let path: string | null = null;
  let current: Hunk | null = null;
  for (const raw of diff.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (line.startsWith('+++ ')) {
      const target = line.slice(4);
      if (!target.startsWith('b/')) return null;
      path = target.slice(2);
      current = null;
    } else if (line.startsWith('--- ')) {
      current = null;
    } else if (line.startsWith('@@')) {
      const header = /^@@ -(\d+)(?:,\d+)? \+\d+(?:,\d+)? @@/.exec(line);
      if (!header || path === null) return null;
      current = { path, oldStart: Number(header[1]), lines: [] };
      hunks.push(current);
    } else if (current && /^[ +-]/.test(line)) {
      current.lines.push({ op: line[0] as ' ' | '-' | '+', text: line.slice(1) });
    }
    // `\ No newline at end of file` and the blank line after the last hunk carry no change.
  }
  return hunks;
}

/**
 * Each run of changes in the diff as one suggestion. A pure insertion has no
 * line to replace, so it takes the line before it (or after it, at the top of
 * the file) and repeats it in the replacement.
 */
export function suggestionsFromDiff(diff: string): Suggestion[] | null {
  const hunks = parseHunks(diff);
  if (!hunks || hunks.length === 0) return null;
  const suggestions: Suggestion[] = [];
  for (const hunk of hunks) {
    let oldLine = hunk.oldStart;
    let index = 0;
    while (index < hunk.lines.length) {
      if (hunk.lines[index]!.op === ' ') {
        oldLine++;
        index++;
        continue;
      }
      const runStart = index;
      const firstOld = oldLine;
      const replacement: string[] = [];
      while (index < hunk.lines.length && hunk.lines[index]!.op !== ' ') {
        const { op, text } = hunk.lines[index]!;
        if (op === '-') oldLine++;
        else replacement.push(text);
        index++;
      }
      const deleted = oldLine - firstOld;
      if (deleted > 0) {
        suggestions.push({ path: hunk.path, startLine: firstOld, line: oldLine - 1, replacement });
        continue;
      }
      const before = runStart > 0 ? hunk.lines[runStart - 1] : undefined;
      const after = hunk.lines[index];
      if (before) {
        suggestions.push({
          path: hunk.path,
          startLine: firstOld - 1,
          line: firstOld - 1,
          replacement: [before.text, ...replacement],
        });
      } else if (after) {
        suggestions.push({
          path: hunk.path,
          startLine: firstOld,
          line: firstOld,
          replacement: [...replacement, after.text],
        });
      } else {
        return null; // An insertion into an empty file: nothing to anchor a suggestion on.
      }
    }
  }
  return suggestions;
}

/** The lines of the new side a review comment may sit on, from a file's patch in the PR. */
export function commentableLines(patch: string): Set<number> {
  const lines = new Set<number>();
  let newLine = 0;
  let inHunk = false;
  for (const line of patch.split('\n')) {
    const header = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(line);
    if (header) {
      newLine = Number(header[1]);
      inHunk = true;
    } else if (!inHunk || line.startsWith('\\')) {
      continue;
    } else if (line.startsWith('-')) {
      continue;
    } else {
      // A context line (' ') or an added one ('+'): both are on the new side.
      lines.add(newLine++);
    }
  }
  return lines;
}

/** Whether every line the suggestion replaces is in the pull request's diff. */
export function fitsDiff(suggestion: Suggestion, commentable: Set<number> | undefined): boolean {
  if (!commentable) return false;
  for (let line = suggestion.startLine; line <= suggestion.line; line++) {
    if (!commentable.has(line)) return false;
  }
  return true;
}
