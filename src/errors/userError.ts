/**
 * An error a user can cause (a bad catalog cell, scenario value, flag or URL parameter). The command line and the
 * loaders print `format()` as one line and exit non-zero; they never print a stack trace for a UserError.
 */
export interface UserErrorLocation {
  /** File the bad value came from, as the user named it. */
  file?: string;
  /** 1-based line in that file. */
  line?: number;
  /** 1-based column in that file. */
  column?: number;
  /** Key path of the bad value (`serving.utilization`) or catalog column name. */
  path?: string;
  /** Command-line flag that carried the bad value (`--batch`). */
  flag?: string;
}

export interface UserErrorDetail extends UserErrorLocation {
  /** What was wrong, in words: "out of range", "unknown key". */
  message: string;
  /** What was expected, e.g. "a number in (0, 1]". */
  expected?: string;
  /** What was found, quoted as the user wrote it. */
  found?: string;
  /** A hint, e.g. "did you mean serving.utilization?" */
  hint?: string;
}

export class UserError extends Error {
  readonly detail: UserErrorDetail;
  constructor(detail: UserErrorDetail) {
    super(formatUserError(detail));
    this.name = "UserError";
    this.detail = detail;
  }
}

/** Several user errors found in one pass (every bad cell of a catalog, every bad key of a scenario). */
export class UserErrors extends Error {
  readonly errors: UserError[];
  constructor(errors: UserError[]) {
    super(errors.map((e) => e.message).join("\n"));
    this.name = "UserErrors";
    this.errors = errors;
  }
}

export function isUserError(error: unknown): error is UserError | UserErrors {
  return error instanceof UserError || error instanceof UserErrors;
}

/** `file:line:column: path: message: expected X, found Y (hint)`, leaving out the parts that are unknown. */
export function formatUserError(detail: UserErrorDetail): string {
  const where = [detail.file, detail.line, detail.line !== undefined ? detail.column : undefined]
    .filter((part) => part !== undefined)
    .join(":");
  const parts: string[] = [];
  if (where) parts.push(where);
  if (detail.flag) parts.push(detail.flag);
  if (detail.path) parts.push(detail.path);
  let text = parts.length ? `${parts.join(": ")}: ${detail.message}` : detail.message;
  if (detail.expected !== undefined) text += `: expected ${detail.expected}`;
  if (detail.found !== undefined) text += `${detail.expected !== undefined ? "," : ":"} found ${detail.found}`;
  if (detail.hint) text += ` (${detail.hint})`;
  return text;
}
