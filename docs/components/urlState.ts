// A scenario page's state in its URL: the format (`?set=path=value`, the same strings as the command line's --set), its
// parsing and validation, and the page side: the share link, and the address bar kept equal to what the page shows.
import {formatUserError, isUserError, quoteFound, userErrorList, type UserError} from "../lib/errors/userError.js";
import {applyOverrides, EMPTY_RESOLVED_SCENARIO} from "../lib/scenario/resolve/applyOverrides.js";
import {trimSpaces} from "../lib/errors/trimSpaces.js";
import {formatScenarioValue} from "../lib/scenario/file/formatScenario.js";
import type {ScenarioValue} from "../lib/scenario/file/readValue.js";
import type {ResolvedScenario} from "../lib/scenario/resolve/resolveScenario.js";
import {SCENARIO_KEY_PATHS, scenarioKey} from "../lib/scenario/file/schema.js";
import {closestMatch} from "../lib/errors/suggest.js";
import {isTrackingParam} from "./trackingParams.js";

/**
 * A scenario page's state in its URL: one `set` parameter per changed key, each `path=value` in the scenario file
 * notation, URL-encoded: `?set=serving.utilization%3D70%25&set=power.electricity%3D0.05%20USD%2FkWh`. The same strings
 * the command line takes as `--set`, validated by applyOverrides exactly like a scenario file.
 */
export const SHARE_PARAM = "set";

/** The flag that URL overrides are reported under (origin and error messages). */
export const SHARE_FLAG = "URL";

/** At most this many `set` parameters are read; the rest are ignored. */
export const MAX_SHARE_SETS = 64;

/** A `set` longer than this many characters is ignored without being parsed. */
export const MAX_SET_LENGTH = 200;

/** Something in the URL that the page did not apply, with why: shown to the reader as text. */
export interface IgnoredSet {
  /** The parameter as found (`set=…` value, or `name=value` of an unknown parameter), cut to MAX_SET_LENGTH. */
  set: string;
  /** Why it was ignored: the UserError message, or a sentence. */
  reason: string;
  /**
   * The settings `set` stands for when it is several that fail together (a refused slider move): each is shown on a
   * line of its own, since values hold spaces ("0.12 USD/kWh") and one line of them read as one setting (trial).
   */
  settings?: readonly string[];
  /** The parameter's length in characters when `set` is cut (a notice says it, not the cut text's length). */
  length?: number;
}

export interface ShareQuery {
  /** Well-formed `path=value` strings, one per path (the last one wins), in the order of the schema. */
  sets: string[];
  /** Parameters that were not read, and why. */
  ignored: IgnoredSet[];
}

/**
 * Reads a page's query string (`location.search`, or URLSearchParams) into `path=value` sets. This only checks the
 * shape: a `set` parameter holding `path=value` with a known key path. Values are checked by applyShareSets.
 * Nothing in the query is evaluated; tracking parameters (isTrackingParam) are passed over without a word; unknown
 * parameters, malformed sets and the earlier sets of a repeated key (but one with the value its last set gives, as
 * read: `0.5` is `50%`) are returned in `ignored`, each value once.
 */
export function parseShareQuery(query: string | URLSearchParams): ShareQuery {
  const ignored: IgnoredSet[] = [];
  const params = typeof query === "string" ? wellEncoded(query, ignored) : query;
  const byPath = new Map<string, string>();
  /** The entries of `ignored` that are an earlier `set` of a repeated key. */
  const repeats = new Set<IgnoredSet>();
  let count = 0;
  for (const [name, raw] of params) {
    if (name !== SHARE_PARAM) {
      if (isTrackingParam(name)) continue;
      // The reason names the parameter cut short, its controls and bidi marks escaped (quoteFound): the set beside it
      // shows it whole (up to MAX_SET_LENGTH).
      // A parameter with no value is listed by its name: `?set%3Dserving.batch%3D64` was listed as
      // "set=serving.batch=64=", an = the link does not have (breaker).
      ignored.push({
        ...found(raw === "" && name !== "" ? name : `${name}=${raw}`),
        reason: unknownParameterReason(name, raw)
      });
      continue;
    }
    if (++count > MAX_SHARE_SETS) {
      ignored.push({...found(raw), reason: `too many ${SHARE_PARAM} parameters: at most ${MAX_SHARE_SETS} are read`});
      continue;
    }
    if (raw.length > MAX_SET_LENGTH) {
      ignored.push({...found(raw), reason: `too long: at most ${MAX_SET_LENGTH} characters`});
      continue;
    }
    const equals = raw.indexOf("=");
    if (equals < 0) {
      ignored.push({set: raw, reason: "missing =: expected path=value, like serving.utilization=0.7"});
      continue;
    }
    const path = trimSpaces(raw.slice(0, equals));
    if (!scenarioKey(path)) {
      // applyOverrides words the error (with a did-you-mean) exactly as for --set.
      ignored.push({set: raw, reason: settingProblem(raw) ?? `unknown key ${quote(path)}`});
      continue;
    }
    const previous = byPath.get(path);
    if (previous !== undefined) {
      // "Only the last is read", not "the last wins": the last may itself be refused, and then neither applies (it
      // said "wins" above a refused value; breaker).
      const repeat = {set: previous, reason: `repeated key ${path}: only its last ${SHARE_PARAM} is read`};
      ignored.push(repeat);
      repeats.add(repeat);
    }
    byPath.set(path, `${path}=${trimSpaces(raw.slice(equals + 1))}`);
  }
  // A repeat with the value that is read is not ignored: the page shows it (the notice said "Ignored 1 setting …
  // the page shows the scenario without it" over a link that gave one key one value twice; trial). Values are
  // compared as read, in the key's unit: 0.5 was listed beside a page showing its 50% (breaker). An earlier value given
  // more than once is listed once (it was listed as often as given, the same line; breaker).
  // Read only for a key that repeats: a set is parsed as YAML, ~1.5 ms in chromium (applyOverrides, plainNumberNode).
  const lastValues = new Map<string, string>();
  const lastValue = (path: string) => {
    if (!lastValues.has(path)) lastValues.set(path, setValueKey(byPath.get(path) ?? ""));
    return lastValues.get(path);
  };
  const listed = new Map<string, IgnoredSet>();
  const times = new Map<IgnoredSet, number>();
  const kept = ignored.filter((item) => {
    if (!repeats.has(item)) return true;
    const path = setPath(item.set);
    const value = setValueKey(item.set);
    if (value === lastValue(path)) return false;
    const first = listed.get(`${path}=${value}`);
    if (first) times.set(first, (times.get(first) ?? 1) + 1);
    else listed.set(`${path}=${value}`, item);
    return !first;
  });
  return {
    sets: sortSets([...byPath.values()]),
    ignored: kept.map((item) => {
      const n = times.get(item);
      return n ? {...item, reason: `${item.reason} (this value set ${n === 2 ? "twice" : `${n} times`})`} : item;
    })
  };
}

/**
 * Why a parameter other than `set` is not read, with the parameter meant when one is close, as a bad value is offered
 * its key's closest value: `SET` or `sets` is offered `set` (a link typed by hand, or upper-cased by a mail client, was
 * told only "expected set"; breaker), and a scenario key used as the parameter (`?serving.batch=64`, or a misspelling
 * of one) is offered the whole `set=serving.batch=64`.
 */
function unknownParameterReason(name: string, raw: string): string {
  const reason = `unknown parameter ${quoteFound(name, 40)}: expected ${SHARE_PARAM}`;
  if (closestMatch(name, [SHARE_PARAM]) !== undefined) {
    const lower = name.toLowerCase() === SHARE_PARAM ? ", in lower case" : "";
    return `${reason} (did you mean ${SHARE_PARAM}${lower}?)`;
  }
  // A set whose first `=` was %-encoded too (`?set%3Dserving.batch%3D64`) has the whole set as the name: its key and
  // value are the name's, not the key path with the value dropped ("did you mean set=serving.batch=?"; breaker).
  const prefix = `${SHARE_PARAM}=`;
  const whole = name.startsWith(prefix) ? name.slice(prefix.length) + (raw === "" ? "" : `=${raw}`) : `${name}=${raw}`;
  const equals = whole.indexOf("=");
  const path = trimSpaces(equals < 0 ? whole : whole.slice(0, equals));
  const value = equals < 0 ? "" : whole.slice(equals + 1);
  const key = scenarioKey(path) ? path : closestMatch(path, SCENARIO_KEY_PATHS);
  if (key === undefined || !path.includes(".")) return reason;
  // A key with no value is offered the set with a place for one, not a set of nothing (`set=serving.batch=`).
  const offered = quoteFound(`${SHARE_PARAM}=${key}=${value === "" ? "VALUE" : value}`, 80);
  const encodedNote = name.startsWith(prefix) ? `, its first = not %-encoded` : "";
  return `${reason} (did you mean ${offered}${encodedNote}?)`;
}

/**
 * The parameters of a query string whose %-encoding decodes; each that does not is pushed on `ignored`, undecoded, with
 * the bad escape quoted. URLSearchParams keeps a `%` without two hex digits as it is and reads escapes that are no
 * UTF-8 as U+FFFD, so `set=serving.batch%ZZ=4` was an unknown key `serving.batch%ZZ` and `set=%E0%A4` "missing ="
 * (tester). A `%` before no letter or digit stays a percent sign, as URLSearchParams reads it: a link typed by hand
 * with `=70%` or `=30%/yr` still reads. A query given as URLSearchParams is decoded already and is read as it is.
 */
function wellEncoded(query: string, ignored: IgnoredSet[]): URLSearchParams {
  const params = new URLSearchParams();
  for (const part of query.replace(/^\?/, "").split("&")) {
    const bad = badEscape(part);
    if (bad === undefined) {
      for (const [name, value] of new URLSearchParams(part)) params.append(name, value);
      continue;
    }
    const shown = part.startsWith(`${SHARE_PARAM}=`) ? part.slice(SHARE_PARAM.length + 1) : part;
    const expected = /^(%[0-9A-Fa-f]{2})+$/.test(bad) ? "%-escapes of whole UTF-8 characters" : "% and two hex digits";
    ignored.push({...found(shown), reason: `malformed %-encoding: expected ${expected}, found ${quoteFound(bad, 40)}`});
  }
  return params;
}

/**
 * The first %-escape of `part` that does not decode: a `%` and the two characters after it when they are not hex
 * digits but start with a letter or digit (`%ZZ`, `%4G`), or the escapes of one UTF-8 character cut short or
 * malformed (`%E0%A4`); undefined when every escape decodes.
 */
function badEscape(part: string): string | undefined {
  const escapes = /%([0-9A-Fa-f]{2})|%[0-9A-Za-z].?/g;
  for (let match = escapes.exec(part); match; match = escapes.exec(part)) {
    if (match[1] === undefined) return match[0];
    const lead = parseInt(match[1], 16);
    // The escapes of the character this byte leads: 1 for ASCII, 2 to 4 by its high bits (a stray continuation, 1).
    const length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
    const character = part.slice(match.index).match(new RegExp(`^(?:%[0-9A-Fa-f]{2}){1,${length}}`))![0];
    try {
      decodeURIComponent(character);
    } catch {
      return character;
    }
    escapes.lastIndex = match.index + character.length;
  }
  return undefined;
}

/**
 * What a set's value is, for comparing two sets of one key: the value as read, in the key's base unit (`0.5` and `50%`
 * alike), or the text as written where it does not read (the last set may be refused: applyShareSets says why).
 */
function setValueKey(set: string): string {
  try {
    const value = applyOverrides(EMPTY_RESOLVED_SCENARIO, [set], SHARE_FLAG).values[setPath(set)]?.value;
    if (value !== undefined) return `read ${JSON.stringify(value)}`;
  } catch {
    // Not a value of the key: compared as written.
  }
  return `written ${setValue(set)}`;
}

/** The query string of a state (`?set=…&set=…`, in schema order), or "" for no change. */
export function shareQuery(sets: readonly string[]): string {
  const params = new URLSearchParams();
  for (const set of sortSets(sets)) params.append(SHARE_PARAM, set);
  const text = params.toString();
  return text ? `?${text}` : "";
}

export interface AppliedShareState {
  /** The scenario with every accepted set applied (origin "override", flag SHARE_FLAG). */
  resolved: ResolvedScenario;
  /** The sets that were applied, in schema order. */
  applied: string[];
  /** The sets that were not, with the UserError message that says why. */
  ignored: IgnoredSet[];
}

export interface ApplyShareOptions {
  /**
   * Called with the scenario after each set; throwing rejects that set (its message is the reason). Pages pass a
   * function that evaluates the scenario, so that a value valid for its key but impossible for the model (a batch
   * that does not fit in memory) is ignored like any other bad value.
   */
  check?: (resolved: ResolvedScenario) => void;
  /** The flag that errors and origins name; default SHARE_FLAG. */
  flag?: string;
}

/**
 * Applies sets through applyOverrides (the same validation as a scenario file), keeping each one that passes both it
 * and `check`; each that fails is returned in `ignored` with its message, and the rest still apply. `check` (which may
 * run a Monte Carlo) runs once on all the sets that applyOverrides accepts; only when that fails are the sets checked
 * one at a time, each on top of those kept before it.
 */
export function applyShareSets(
  resolved: ResolvedScenario,
  sets: readonly string[],
  {check, flag = SHARE_FLAG}: ApplyShareOptions = {}
): AppliedShareState {
  // The page reads its link's settings: `token-ledger pdf` refuses set= only on a page without this mark (the front
  // page, /reference), and a report page that loads a story without a share link still takes them.
  if (typeof document !== "undefined") document.documentElement.dataset.readsSettings = "";
  const ignored: IgnoredSet[] = [];
  const wellFormed: string[] = [];
  let all = resolved;
  for (const set of sets) {
    try {
      all = applyOverrides(all, [set], flag);
      wellFormed.push(set);
    } catch (error) {
      ignored.push({set, reason: settingErrorText(error, set)});
    }
  }
  if (!check || wellFormed.length === 0 || passes(check, all)) {
    return {resolved: all, applied: sortSets(wellFormed), ignored};
  }
  let current = resolved;
  const applied: string[] = [];
  // Each setting is applied when the scenario passes with it; one that fails is tried again after the others, until a
  // pass applies nothing more, so that a setting that needs another of the link's (serving.hardware=trainium2 needs
  // the link's hardware.price) is not dropped for lacking it, and the reason given is the one against the final state
  // (it said "no purchase price" beside the link's own price, where the stack was the clash; breaker, session 16).
  let pending = [...wellFormed];
  const lastError = new Map<string, unknown>();
  for (let progress = true; progress && pending.length > 0;) {
    progress = false;
    const failed: string[] = [];
    for (const set of pending) {
      const next = applyOverrides(current, [set], flag);
      try {
        check(next);
        current = next;
        applied.push(set);
        progress = true;
      } catch (error) {
        lastError.set(set, error);
        failed.push(set);
      }
    }
    pending = failed;
  }
  // The last pass applied nothing, so each error left is the setting's against the final state.
  for (const set of pending) {
    const error = lastError.get(set);
    // A setting that fails only beside one applied (silicon.chip beside silicon.relativeThroughput) is dropped for
    // that clash: say so, as the error may name the other key.
    const other = isUserError(error) && "detail" in error ? error.detail.path : undefined;
    const clash = other !== undefined && other !== setPath(set) && applied.some((a) => setPath(a) === other);
    ignored.push({
      set,
      reason: clash
        ? `clashes with ${other}, which this link also sets (kept): ${settingErrorText(error, set)}`
        : settingErrorText(error, set)
    });
  }
  return {resolved: current, applied: sortSets(applied), ignored: sortIgnored(ignored)};
}

function passes(check: (resolved: ResolvedScenario) => void, resolved: ResolvedScenario): boolean {
  try {
    check(resolved);
    return true;
  } catch {
    return false;
  }
}

function sortIgnored(ignored: readonly IgnoredSet[]): IgnoredSet[] {
  const rank = (item: IgnoredSet) => ORDER.get(setPath(item.set)) ?? Infinity;
  return [...ignored].sort((a, b) => rank(a) - rank(b));
}

/** `path=value` for a value in base units, written in the file notation (`serving.utilization=0.7`). */
export function formatShareSet(path: string, value: ScenarioValue): string {
  const def = scenarioKey(path);
  if (!def) throw new Error(`formatShareSet: unknown key path ${path}`);
  return `${path}=${formatScenarioValue(def, value)}`;
}

/** The key path of a `path=value` set ("" when it has no =). */
export function setPath(set: string): string {
  const equals = set.indexOf("=");
  return equals < 0 ? "" : trimSpaces(set.slice(0, equals));
}

/** The value text of a `path=value` set. */
export function setValue(set: string): string {
  const equals = set.indexOf("=");
  return equals < 0 ? "" : trimSpaces(set.slice(equals + 1));
}

/** Sets merged: a later set for the same path replaces an earlier one; the result is in schema order. */
export function mergeSets(...lists: readonly (readonly string[])[]): string[] {
  const byPath = new Map<string, string>();
  for (const list of lists) for (const set of list) byPath.set(setPath(set), set);
  return sortSets([...byPath.values()]);
}

const ORDER = new Map(SCENARIO_KEY_PATHS.map((path, i) => [path, i]));

function sortSets(sets: readonly string[]): string[] {
  const rank = (set: string) => ORDER.get(setPath(set)) ?? Infinity;
  return [...sets].sort((a, b) => rank(a) - rank(b));
}

/**
 * Why a `path=value` set is refused by its key alone (applyOverrides, as a scenario file line; the model is not run),
 * in a share link's notice's words (settingErrorText): "out of range: expected a fraction in [0.01, 1], or a percentage
 * in [1%, 100%], found 1.5"; undefined when the key takes it. A slider's number box refuses a typed number with it
 * (rangeBox.ts), so the box and the link say the same.
 */
export function settingProblem(set: string): string | undefined {
  try {
    applyOverrides(EMPTY_RESOLVED_SCENARIO, [set], SHARE_FLAG);
    return undefined;
  } catch (error) {
    return settingErrorText(error, set);
  }
}

/**
 * Why a setting was not run, for a reader of the page: each user error's message (those of UserErrors joined by "; ",
 * so a reason is one line) without the "URL:" that names where the command line's messages came from (on a page the
 * settings can only come from its link or its controls), and without the key path when `set` is that key's setting,
 * which the notice prints just before the reason. Any other error's message as it is.
 */
export function settingErrorText(error: unknown, set?: string): string {
  if (!isUserError(error)) return error instanceof Error ? error.message : String(error);
  const path = set === undefined ? undefined : setPath(set);
  return userErrorList(error)
    .map((e: UserError) =>
      formatUserError({
        ...e.detail,
        flag: e.detail.flag === SHARE_FLAG ? undefined : e.detail.flag,
        path: e.detail.path === path ? undefined : e.detail.path
      })
    )
    .join("; ");
}

/** What an IgnoredSet records of a parameter: its text cut to MAX_SET_LENGTH, and its length when cut. */
function found(text: string): Pick<IgnoredSet, "set" | "length"> {
  return text.length > MAX_SET_LENGTH ? {set: cut(text), length: text.length} : {set: text};
}

function cut(text: string): string {
  return text.length > MAX_SET_LENGTH ? `${text.slice(0, MAX_SET_LENGTH)}…` : text;
}

function quote(text: string): string {
  return JSON.stringify(cut(text));
}

/** The address of the page with `sets` as its query (the current path and hash kept). */
export function shareUrl(sets: readonly string[], location: Location = window.location): string {
  return `${location.origin}${location.pathname}${shareQuery(sets)}${location.hash}`;
}

/**
 * Replaces the address bar's query with `sets` (no history entry, no reload), in a task of its own: read once when the
 * page opens, written back as controls move, so the address bar is always a share link. The body carries
 * data-share-pending until it is written (tests wait for it, as for the page's other marks).
 */
export function writeShareState(sets: readonly string[]): void {
  // history.replaceState costs 5–15 ms in chromium (measured on a scenario page while a slider is dragged): a move after
  // a pause is written in the next task, and a burst of moves (a drag) once, when the moves have paused for
  // SHARE_QUIET_MS, with the latest sets. Written every 200 ms instead, a drag through twenty values wrote the address
  // four to five times, ~30 ms of main thread among the drag's redraws.
  const now = performance.now();
  const burst = now - lastShareRequest < SHARE_QUIET_MS;
  lastShareRequest = now;
  pendingShareSets = sets;
  clearTimeout(shareTimer);
  document.body.toggleAttribute("data-share-pending", true);
  shareTimer = setTimeout(flushShareState, burst ? SHARE_QUIET_MS : 0);
}

/** How long the moves must pause before a burst's last sets are written to the address bar, ms. */
const SHARE_QUIET_MS = 200;

let pendingShareSets: readonly string[] | null = null;
let lastShareRequest = -Infinity;
let shareTimer: ReturnType<typeof setTimeout> | undefined;

function flushShareState(): void {
  const sets = pendingShareSets!;
  pendingShareSets = null;
  document.body.toggleAttribute("data-share-pending", false);
  const url = `${window.location.pathname}${shareQuery(sets)}${window.location.hash}`;
  if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`) {
    window.history.replaceState(window.history.state, "", url);
  }
}

/** A read-only field showing the share link, with a button that copies it. */
export function ShareLink(url: string): HTMLElement {
  const box = document.createElement("div");
  box.className = "scenario-share";
  const input = document.createElement("input");
  input.type = "text";
  input.readOnly = true;
  input.value = url;
  input.setAttribute("aria-label", "Share link");
  input.dataset.share = "";
  input.addEventListener("focus", () => input.select());
  const button = document.createElement("button");
  button.type = "button";
  button.textContent = "Copy link";
  button.addEventListener("click", async () => {
    input.select();
    try {
      await navigator.clipboard.writeText(url);
      button.textContent = "Copied";
    } catch {
      button.textContent = "Select and copy";
    }
    setTimeout(() => (button.textContent = "Copy link"), 2000);
  });
  box.append(input, button);
  return box;
}
