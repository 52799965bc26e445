import {joinerAllowed, joinersAllowed} from "./joiners.js";
import {BIDI_CHARS, CONTROL_CHARS, INVISIBLE_CHARS, JOINER_CHARS, LOOKALIKE_CHARS} from "./unsafeChars.js";

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

/** Each user error a thrown value carries (one for a UserError, all of a UserErrors); anything else is rethrown. */
export function userErrorList(error: unknown): UserError[] {
  if (error instanceof UserErrors) return error.errors;
  if (error instanceof UserError) return [error];
  throw error;
}

/** Longest found value a message shows, in characters; a longer one is cut with "…" and its length is given. */
export const MAX_FOUND_CHARS = 80;

/** Longest message, path, flag, hint or file part, in characters (the fixed texts are far shorter). */
const MAX_PART_CHARS = 400;

/**
 * Characters that must not reach a terminal raw (unsafeChars.ts): controls, line and paragraph separators,
 * direction-changing characters (which can make a line read backwards) and characters that draw nothing.
 */
const UNSAFE = new RegExp(`[${CONTROL_CHARS}${BIDI_CHARS}${INVISIBLE_CHARS}]`, "g");

/**
 * Zero-width joiners and non-joiners: written raw where a scenario's shown text allows them (joiners.ts: an emoji
 * sequence such as 👩‍💻, a Persian or Indic word), so a message quotes a label as the reader wrote and sees it; escaped
 * anywhere else, where the reader needs to see the joiner that the text hides.
 */
const JOINERS = new RegExp(`[${JOINER_CHARS}]`, "g");

/** Characters that look like commoner ones (unsafeChars.ts): escaped in a found value only, where the look matters. */
const LOOKALIKES = new RegExp(`[${LOOKALIKE_CHARS}]`, "g");

function escapeChar(char: string): string {
  const named: Record<string, string> = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\0": "\\0"};
  return named[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`;
}

/**
 * `text` with every unsafe character (see UNSAFE) and every joiner that is not part of real text (see JOINERS)
 * written as an escape (`\n`, `\u202e`, `\u200d`): one printable line.
 */
export function escapeUnsafe(text: string): string {
  // Joiners are judged on the text as given, before any escape changes their neighbours.
  const joiners = text.replace(JOINERS, (joiner, index: number) =>
    joinerAllowed(text, index) ? joiner : escapeChar(joiner)
  );
  return joiners.replace(UNSAFE, escapeChar);
}

/** True when `text` has a character escapeUnsafe would escape. */
export function hasUnsafe(text: string): boolean {
  UNSAFE.lastIndex = 0;
  const found = UNSAFE.test(text);
  UNSAFE.lastIndex = 0;
  return found || !joinersAllowed(text);
}

/** `text` cut to `max` characters with "…" (never splitting a surrogate pair), or as it is. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  // Nor an escape (`\u2013`, `\n`): a cut one left a lone `\` before the "…" (breaker: 500 en dashes).
  const head = text.slice(0, end);
  const partial = /(\\+)(u[0-9a-f]{0,3})?$/.exec(head);
  const split = partial && (partial[1] ?? "").length % 2 === 1;
  return `${split ? head.slice(0, partial.index + (partial[1] ?? "").length - 1) : head}…`;
}

/**
 * A found value as a message shows it: as written when it is short and printable; quoted with escapes (`"1\r2"`)
 * when it holds a control, bidi or zero-width character (a joiner that is part of an emoji or a word is not one: see
 * JOINERS), a character that looks like a commoner one (`"full\u2011mesh"`, `"\u22125%"`: see LOOKALIKES) or has
 * spaces at its ends; cut to MAX_FOUND_CHARS with its
 * length given when longer (`"99999…" (1000000 characters)`). Always one line, whatever the input.
 */
export function quoteFound(found: string, max = MAX_FOUND_CHARS): string {
  if (found === "") return '""';
  const needsQuotes = quotesFound(found);
  const escaped = needsQuotes ? JSON.stringify(found).slice(1, -1) : found;
  const safe = escapeUnsafe(escaped).replace(LOOKALIKES, escapeChar);
  if (safe.length <= max) return needsQuotes ? `"${safe}"` : safe;
  return `${needsQuotes ? `"${cut(safe, max)}"` : cut(safe, max)} (${found.length} characters)`;
}

/** True when quoteFound quotes `found` to show what it holds: an escaped character or spaces at its ends. */
export function quotesFound(found: string): boolean {
  return hasUnsafe(found) || found.search(LOOKALIKES) >= 0 || found !== found.trim();
}

/**
 * A hint with each value it offers longer than MAX_FOUND_CHARS cut as quoteFound cuts a found value, its length given
 * (`written 1111…1 (202 characters) with a decimal point, …`): a value is a run without spaces, the punctuation that
 * ends the hint's sentence (`?`, `,`, `)`) left after it. A 202-digit found value was cut and the hint offering it
 * printed it whole (207 characters; breaker).
 */
function cutHintValues(hint: string): string {
  return hint.replace(new RegExp(`\\S{${MAX_FOUND_CHARS + 1},}`, "g"), (run) => {
    const [, value = run, end = ""] = /^(.*?)([?,.:;)]*)$/.exec(run) ?? [];
    return value.length > MAX_FOUND_CHARS ? `${cut(value, MAX_FOUND_CHARS)} (${value.length} characters)${end}` : run;
  });
}

/** A message part (path, flag, hint, message, file) made safe for one line: escaped and bounded. */
function safePart(text: string): string {
  return cut(escapeUnsafe(text), MAX_PART_CHARS);
}

/**
 * `file:line:column: path: message: expected X, found Y (hint)`, leaving out the parts that are unknown. Always one
 * line: every part is escaped (no newline, carriage return, NUL or bidi control reaches the terminal raw) and the found
 * value is quoted and truncated as quoteFound does.
 */
export function formatUserError(detail: UserErrorDetail): string {
  const where = [detail.file, detail.line, detail.line !== undefined ? detail.column : undefined]
    .filter((part) => part !== undefined)
    .map((part) => safePart(String(part)))
    .join(":");
  const parts: string[] = [];
  if (where) parts.push(where);
  if (detail.flag) parts.push(safePart(detail.flag));
  if (detail.path) parts.push(safePart(detail.path));
  const message = safePart(detail.message);
  let text = parts.length ? `${parts.join(": ")}: ${message}` : message;
  if (detail.expected !== undefined) text += `: expected ${safePart(detail.expected)}`;
  if (detail.found !== undefined)
    text += `${detail.expected !== undefined ? "," : ":"} found ${quoteFound(detail.found)}`;
  if (detail.hint) text += ` (${safePart(cutHintValues(detail.hint))})`;
  return text;
}
