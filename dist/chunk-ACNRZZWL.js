import { createRequire as __nrgCreateRequire } from 'node:module'; const require = __nrgCreateRequire(import.meta.url);

// src/shared/errors.ts
var CheckError = class extends Error {
  constructor(kind, message, hint, details) {
    super(message);
    this.kind = kind;
    this.hint = hint;
    this.details = details;
  }
  kind;
  hint;
  details;
  name = "CheckError";
};
function isCheckError(error) {
  return error instanceof CheckError;
}
function describeError(error) {
  if (isCheckError(error)) {
    const parts = [error.message];
    if (error.details) parts.push(error.details);
    if (error.hint) parts.push(`Fix: ${error.hint}`);
    return parts.join("\n");
  }
  const message = error instanceof Error ? error.message : String(error);
  return `internal error: ${message}
This is a bug in nonroot-guard; please report it with the command you ran.`;
}

export {
  CheckError,
  describeError
};
