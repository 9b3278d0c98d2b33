/**
 * The Dockerfile's text next to its facts: where a line may go, what a line
 * says, and the diff of some line edits. Everything here is conservative:
 * when the text does not look exactly as the facts say, there is no fix.
 */
import type { DockerfileFacts, StageFacts } from '../dockerfile/types.js';
import type { Facts } from '../facts/types.js';
import { isDiffablePath, splitLines, unifiedDiff, type LineEdit, type SourceLine } from './diff.js';

export class DockerfileSource {
  readonly dockerfile: DockerfileFacts;
  readonly finalStage: StageFacts;
  /** The Dockerfile's escape character (`\`, or `` ` `` by a parser directive). */
  readonly escape: string;
  private readonly lines: SourceLine[];
  private readonly lowercase: boolean;

  constructor(dockerfile: DockerfileFacts, lines: SourceLine[]) {
    this.dockerfile = dockerfile;
    this.finalStage = dockerfile.finalStage;
    this.lines = lines;
    this.escape = escapeDirective(lines);
    this.lowercase = /^\s*from\b/.test(this.text(this.finalStage.line) ?? '');
  }

  /** The text of a line (1-based), without its ending. */
  text(line: number): string | undefined {
    return this.lines[line - 1]?.text;
  }

  get lineCount(): number {
    return this.lines.length;
  }

  /** An instruction keyword in the file's own case (`USER`, or `user` in a lower-case file). */
  keyword(name: string): string {
    return this.lowercase ? name.toLowerCase() : name;
  }

  /** Leading whitespace of a line, so an inserted line lines up with its neighbour. */
  indent(line: number): string {
    return /^[ \t]*/.exec(this.text(line) ?? '')![0];
  }

  /** The line ends with the escape character: the instruction goes on. */
  continues(line: number): boolean {
    const text = (this.text(line) ?? '').trimEnd();
    return text.endsWith(this.escape);
  }

  /** The arguments of a one-line instruction at `line` when its keyword is one of `keywords`. */
  instruction(line: number, ...keywords: string[]): { head: string; args: string } | null {
    const text = this.text(line);
    if (text === undefined || this.continues(line)) return null;
    const match = /^(\s*([A-Za-z]+)\s+)(\S.*?)\s*$/s.exec(text);
    if (!match || !keywords.includes(match[2]!.toUpperCase())) return null;
    return { head: match[1]!, args: match[3]! };
  }

  /** The built stage (the final one or one it is built FROM) that holds a line. */
  stageOf(line: number): StageFacts | undefined {
    return this.dockerfile.chain.find((stage) => stage.line <= line && line <= stage.endLine);
  }

  inFinalStage(line: number): boolean {
    return this.finalStage.line <= line && line <= this.finalStage.endLine;
  }

  /** Last line of the final stage's last instruction (blank lines and comments after it excluded). */
  private endOfFinalStage(): number {
    const next = this.dockerfile.stages[this.finalStage.index + 1];
    let line = Math.min(next ? next.line - 1 : this.lines.length, this.lines.length);
    while (line > this.finalStage.line && /^\s*(?:#.*)?$/.test(this.text(line) ?? '')) line--;
    return line;
  }

  /** The last line in the final stage of a RUN, WORKDIR, COPY or ADD: steps that run as the build user. */
  lastBuildStep(): number {
    const stage = this.finalStage;
    return Math.max(
      stage.line,
      ...stage.runs.map((run) => run.endLine),
      ...stage.workdirs.map((workdir) => workdir.line),
      ...stage.copies.map((copy) => copy.line),
    );
  }

  /**
   * Where lines go that must come after every build step of the final stage
   * and after `after`: before its ENTRYPOINT/CMD (and the comment right above
   * it) when that comes later, else after its last instruction. The line to
   * insert before, or null when the text makes that unsafe.
   */
  insertionPoint(after = 0): number | null {
    const floor = Math.max(this.lastBuildStep(), after);
    const commands = [this.finalStage.entrypoint?.line, this.finalStage.cmd?.line].filter(
      (line): line is number => line !== undefined && line > floor,
    );
    if (commands.length > 0) {
      let at = Math.min(...commands);
      while (at - 1 > floor && /^\s*#/.test(this.text(at - 1) ?? '')) at--;
      return at;
    }
    const end = this.endOfFinalStage();
    if (end < floor || this.continues(end)) return null;
    return end + 1;
  }

  /** The line to copy indentation from for lines inserted before `at`. */
  neighbour(at: number): number {
    return at <= this.lines.length ? at : Math.max(1, at - 1);
  }

  /** A SHELL instruction in a built stage changes what `RUN` runs: no RUN fixes then. */
  changesShell(): boolean {
    return this.dockerfile.chain.some((stage) => {
      for (let line = stage.line; line <= Math.min(stage.endLine, this.lines.length); line++) {
        if (/^\s*SHELL\b/i.test(this.text(line) ?? '')) return true;
      }
      return false;
    });
  }

  diff(edits: LineEdit[]): string | null {
    return unifiedDiff(this.dockerfile.path, this.dockerfile.text, edits);
  }
}

/** `# escape=`` ` among the parser directives at the top of the file. */
function escapeDirective(lines: readonly SourceLine[]): string {
  for (const { text } of lines) {
    const directive = /^#\s*([A-Za-z]+)\s*=\s*(\S+)\s*$/.exec(text);
    if (!directive) break;
    if (directive[1]!.toLowerCase() === 'escape') return directive[2]!;
  }
  return '\\';
}

/**
 * The Dockerfile behind the facts, or null when a diff cannot be given: no
 * Dockerfile, a path a diff header cannot carry, a line ending we do not
 * write, or a Dockerfile whose USER is not the image's (it may not be the
 * file the image was built from).
 */
export function dockerfileSource(facts: Facts): DockerfileSource | null {
  const dockerfile = facts.dockerfile;
  if (!dockerfile || typeof dockerfile.text !== 'string') return null;
  const path = dockerfile.path;
  if (!isDiffablePath(path)) return null;
  const user = dockerfile.effectiveUser;
  if (user && user.value !== facts.image.user) return null;
  const lines = splitLines(dockerfile.text);
  return lines ? new DockerfileSource(dockerfile, lines) : null;
}
