/**
 * Fixes to Kubernetes manifests as unified diffs: set one securityContext
 * key of a container or its pod, creating the mappings that are missing, in
 * the file's own indentation. Conservative like the Dockerfile fixes: flow
 * style (`{a: 1}`), a value spread over several lines, or a line that does not
 * read as the model says gives no diff, only the fix in words.
 */
import type {
  KubernetesFacts,
  ManifestContainer,
  MappingPosition,
  SecurityFields,
} from '../kubernetes/types.js';
import { isDiffablePath, splitLines, unifiedDiff, type LineEdit } from './diff.js';

const STEP = 2;

export type SecurityLevel = 'container' | 'pod';

/** The keys a fix may set: top-level, or inside capabilities / seccompProfile. */
export type SecurityKey =
  | ['runAsNonRoot' | 'runAsUser' | 'allowPrivilegeEscalation']
  | ['capabilities', 'drop' | 'add']
  | ['seccompProfile', 'type'];

/** `key: value` at a line as the model located it, or null when the line says otherwise. */
function replaceValue(text: string, key: string, value: string): string | null {
  const match = new RegExp(`^(\\s*(?:- )?${key}:[ \\t]*)(\\S[^#]*?)([ \\t]+#.*)?$`).exec(text);
  if (!match) return null;
  return `${match[1]}${value}${match[3] ?? ''}`;
}

/** Lines that add `keys` (nested) with `value` at `indent`. */
function nestedLines(keys: readonly string[], value: string, indent: number): string[] {
  return keys.map((key, depth) => {
    const pad = ' '.repeat(indent + depth * STEP);
    return depth === keys.length - 1 ? `${pad}${key}: ${value}` : `${pad}${key}:`;
  });
}

function insertInto(
  mapping: MappingPosition,
  keys: readonly string[],
  value: string,
): LineEdit | null {
  if (mapping.flow) return null;
  return { start: mapping.endLine + 1, count: 0, lines: nestedLines(keys, value, mapping.indent) };
}

/**
 * The edit that makes `securityContext.<keys>` of the container (or its pod)
 * hold `value`, or null when no safe edit exists.
 */
function securityEdit(
  lines: readonly string[],
  container: ManifestContainer,
  level: SecurityLevel,
  keys: SecurityKey,
  value: string,
): LineEdit | null {
  const context: SecurityFields = level === 'container' ? container.container : container.pod;
  const owner = level === 'container' ? container.position : container.pod.spec;
  if (!context.position) return insertInto(owner, ['securityContext', ...keys], value);
  if (keys.length === 1) {
    const existing = context[keys[0]];
    if (existing) {
      const replaced = replaceValue(lines[existing.line - 1] ?? '', keys[0], value);
      return replaced === null ? null : { start: existing.line, count: 1, lines: [replaced] };
    }
    return insertInto(context.position, keys, value);
  }
  const [parentKey, childKey] = keys;
  const parent = context[parentKey];
  if (!parent) return insertInto(context.position, keys, value);
  const existing =
    parentKey === 'capabilities'
      ? context.capabilities?.[childKey as 'drop']
      : context.seccompProfile?.type;
  if (existing) {
    const replaced = replaceValue(lines[existing.line - 1] ?? '', childKey, value);
    return replaced === null ? null : { start: existing.line, count: 1, lines: [replaced] };
  }
  return insertInto(parent.position, [childKey], value);
}

export interface SecuritySetting {
  level: SecurityLevel;
  keys: SecurityKey;
  value: string;
}

/**
 * The diff that sets securityContext keys of one container (or its pod), or
 * null when there is no safe one. Several keys that land on the same spot are
 * one insertion, deeper keys first, so the result stays one valid mapping.
 */
export function securityContextDiff(
  kubernetes: KubernetesFacts,
  container: ManifestContainer,
  settings: readonly SecuritySetting[],
): string | null {
  const text = kubernetes.sources[container.file];
  if (text === undefined || !isDiffablePath(container.file)) return null;
  const lines = splitLines(text)?.map((line) => line.text);
  if (!lines) return null;
  const edits: LineEdit[] = [];
  const created = new Map<string, SecuritySetting[]>();
  for (const setting of settings) {
    const context = setting.level === 'container' ? container.container : container.pod;
    // Keys of a securityContext that does not exist yet are written as one new block.
    if (!context.position) {
      created.set(setting.level, [...(created.get(setting.level) ?? []), setting]);
      continue;
    }
    const edit = securityEdit(lines, container, setting.level, setting.keys, setting.value);
    if (!edit) return null;
    edits.push(edit);
  }
  for (const [level, group] of created) {
    const owner = level === 'container' ? container.position : container.pod.spec;
    if (owner.flow) return null;
    edits.push({ start: owner.endLine + 1, count: 0, lines: blockLines(group, owner.indent) });
  }
  return unifiedDiff(container.file, text, mergeInsertions(edits));
}

/** `securityContext:` with the settings under it, nested keys grouped under one parent. */
function blockLines(settings: readonly SecuritySetting[], indent: number): string[] {
  const out = [`${' '.repeat(indent)}securityContext:`];
  const parents = new Map<string, string[]>();
  for (const { keys, value } of settings) {
    if (keys.length === 1) {
      out.push(`${' '.repeat(indent + STEP)}${keys[0]}: ${value}`);
    } else {
      parents.set(keys[0], [
        ...(parents.get(keys[0]) ?? []),
        `${' '.repeat(indent + 2 * STEP)}${keys[1]}: ${value}`,
      ]);
    }
  }
  for (const [parent, children] of parents)
    out.push(`${' '.repeat(indent + STEP)}${parent}:`, ...children);
  return out;
}

/** Insertions at the same line become one, the deeper-indented lines first (they close the inner mapping). */
function mergeInsertions(edits: readonly LineEdit[]): LineEdit[] {
  const indentOf = (line: string) => line.length - line.trimStart().length;
  const merged = new Map<number, LineEdit>();
  const others: LineEdit[] = [];
  for (const edit of edits) {
    if (edit.count !== 0) {
      others.push(edit);
      continue;
    }
    const existing = merged.get(edit.start);
    if (!existing) merged.set(edit.start, { ...edit, lines: [...edit.lines] });
    else {
      const blocks = [existing.lines, edit.lines].sort((a, b) => indentOf(b[0]!) - indentOf(a[0]!));
      existing.lines = blocks.flat();
    }
  }
  return [...others, ...merged.values()];
}

/** `securityContext.capabilities.drop: [ALL]` as the YAML a person adds (for fix texts). */
export function yamlPath(level: SecurityLevel, keys: readonly string[], value: string): string {
  const prefix = level === 'pod' ? 'spec.securityContext' : 'securityContext';
  return `${prefix}.${keys.join('.')}: ${value}`;
}
