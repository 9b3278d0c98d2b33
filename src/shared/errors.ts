/**
 * Errors that end a check before a verdict exists. Each one says what failed
 * and what the user can do about it; the entry points print `message` and
 * `hint` and exit 2, never a stack trace.
 */
export type ErrorKind =
  | 'usage' // a flag or input is wrong
  | 'input' // a file the user gave (Dockerfile, policy) is wrong
  | 'docker' // docker is missing, not answering, or a docker command failed
  | 'image' // the image cannot be found, pulled or built
  | 'platform'; // this runner cannot do the check at all

export class CheckError extends Error {
  override readonly name = 'CheckError';
  constructor(
    readonly kind: ErrorKind,
    message: string,
    /** What the user can do about it, one or two sentences. */
    readonly hint?: string,
    /** Extra evidence (e.g. the last lines of a build log), printed after the message. */
    readonly details?: string,
  ) {
    super(message);
  }
}

export function isCheckError(error: unknown): error is CheckError {
  return error instanceof CheckError;
}

/** Renders an error for a person: message, evidence, then the fix. */
export function describeError(error: unknown): string {
  if (isCheckError(error)) {
    const parts = [error.message];
    if (error.details) parts.push(error.details);
    if (error.hint) parts.push(`Fix: ${error.hint}`);
    return parts.join('\n');
  }
  // An error we did not anticipate is a bug in this tool: say so plainly.
  const message = error instanceof Error ? error.message : String(error);
  return `internal error: ${message}\nThis is a bug in nonroot-guard; please report it with the command you ran.`;
}
