import {UserError, type UserErrorDetail} from "../../errors/userError.js";
import {writtenAt, type ResolvedScenario, type ValueOrigin} from "../resolve/resolveScenario.js";
import {displayValue} from "./displayValue.js";
import {UNSET_WORD} from "./explicitNull.js";
import {scenarioKey} from "./schema.js";
import {groupedReading} from "../resolve/severalValues.js";

type ValueErrorDetail = Omit<UserErrorDetail, "path" | "file" | "line" | "column" | "flag">;

/**
 * Where a value was written, for an error about it: its origin, or, for a default a `null` took the key back to, where
 * that `null` was written (the user's change, not the parent's line it hid nor line 1).
 */
function errorOrigin(origin: ValueOrigin | undefined): ValueOrigin | undefined {
  return origin && (writtenAt(origin) ?? origin);
}

/**
 * A UserError about the value of `path` in a resolved scenario, placed where that value was written: the file, line
 * and column that set it (or an ancestor's), the `--set` flag (or share-link setting) that overrode it, the `null`
 * that took it back to its default (the message says so), or line 1 of the scenario's own file for a default nothing
 * wrote (the message says so). An override's number written with grouping commas is said as read (groupedReading).
 */
export function scenarioValueError(resolved: ResolvedScenario, path: string, detail: ValueErrorDetail): UserError {
  const resolvedOrigin = resolved.values[path]?.origin;
  const origin = errorOrigin(resolvedOrigin);
  // `serving.tensorParallel: null` under base's 8 was blamed on base.md's serving.batch line (breaker).
  const unset = resolvedOrigin?.kind === "default" && origin?.kind !== "default";
  const said = unset
    ? {...detail, message: `${detail.message} (${path} is at its default: written ${UNSET_WORD})`}
    : detail;
  if (origin && (origin.kind === "file" || origin.kind === "parent")) {
    return new UserError({...said, path, file: origin.file, line: origin.line, column: origin.column});
  }
  if (origin?.kind === "override") {
    // `--set serving.batch=64,128` that does not fit in memory: said as read (64128), with the list hint if a list.
    const grouped = groupedReading(scenarioKey(path), path, resolved.values[path]?.written, origin.flag);
    const hint = [said.hint, grouped?.hint].filter((text) => text !== undefined).join("; ");
    const read = grouped ? {message: `${said.message} (${grouped.note})`, ...(hint ? {hint} : {})} : {};
    return new UserError({...said, ...read, path, flag: origin.flag});
  }
  // A default is written nowhere: point at the front matter (line 1), where setting the key would change it.
  return new UserError({
    ...detail,
    path,
    file: resolved.file,
    line: 1,
    column: 1,
    message: `${detail.message} (${path} is at its default: set it in this file's front matter)`
  });
}

/**
 * Of several keys that together cause a problem (the keys a computed model input is computed from, the settings
 * that decide whether a model fits in memory), the one the user most likely changed to cause it. Each key scores 4 if
 * an override set it (`--set`, `--vary`, a share link: what the user just changed), 2 if its value is a distribution
 * (a Monte Carlo draw varies it, so it is what makes one sample fail when the median passed), 1 if the scenario's own
 * file sets it and ½ if an ancestor's does (a key the author wrote, before one left at its default: a defect density
 * set in the file, not the default die area, is blamed for a yield under 1%), and an ancestor nearer the scenario
 * more than a farther one (the parent's ¾, the grandparent's ⅝, …); the highest score wins, and ties go to the earlier
 * key (the first is the one the model names). A key a `null` took back to its default scores as a value written where
 * the `null` is.
 */
export function blamedKey(resolved: ResolvedScenario, keys: readonly string[]): string {
  let best = keys[0] ?? "";
  let bestScore = -1;
  const written = {file: 1, parent: 0.5, default: 0, override: 4} as const;
  for (const key of keys) {
    const value = resolved.values[key];
    const distribution = value?.value !== null && typeof value?.value === "object";
    // A `null` counts where it was written, as a value written there: the user's change to the scenario.
    const origin = errorOrigin(value?.origin);
    // An ancestor nearer the scenario scores more (½ + ¼ ÷ its depth): a grandchild's chip under a grandparent's stack
    // was blamed on the grandparent's line, which names neither the chip nor the file that changed it (breaker).
    const depth = origin?.kind === "parent" ? resolved.chain.indexOf(origin.scenario) : -1;
    const score = (origin ? written[origin.kind] : 0) + (depth > 0 ? 0.25 / depth : 0) + (distribution ? 2 : 0);
    if (score > bestScore) {
      best = key;
      bestScore = score;
    }
  }
  return best;
}

/**
 * A UserError about a problem several keys decide together (`keys`, the one the problem names first), placed at the
 * key blamedKey picks. When that is not the first key, the error's found value is the blamed key's value as written,
 * and the message says once what the first key was, its number as the assumptions tables write it (`…, with
 * serving.inputTokens 2,048 tokens: expected input + output at most 2,048 tokens (…), or another serving.model`), so
 * the line never shows one key's value or limit under another key's name. `expectedByKey`: what a blamed key other
 * than the first should be, when the problem knows (`at most 0.412, the largest serving.hbmReserve that fits`); it
 * replaces the first key's expectation and the bare "or another …".
 */
export function scenarioErrorAtCause(
  resolved: ResolvedScenario,
  keys: readonly string[],
  detail: ValueErrorDetail,
  expectedByKey: Readonly<Record<string, string>> = {}
): UserError {
  const first = keys[0] ?? "";
  const key = blamedKey(resolved, keys);
  if (key === first) return scenarioValueError(resolved, key, detail);
  const written = (path: string) => {
    const value = resolved.values[path];
    if (value?.written) return value.written;
    if (value?.value === null || value?.value === undefined) return "unset";
    return typeof value.value === "object" ? JSON.stringify(value.value) : String(value.value);
  };
  // The expectation is the first key's ("at most 7, the largest batch that fits"), the value found the blamed key's:
  // name both, so that "expected at most 7 … found 131000" does not read as a limit on the blamed key (breaker). The
  // first key's number is grouped with its unit (displayValue: "2,048 tokens", where "2048" read unlike every table).
  const shown = (path: string) => {
    const value = resolved.values[path]?.value;
    return typeof value === "number" ? displayValue(path, value) : written(path);
  };
  // Where the first key's value comes from, when another file than the blamed key's sets it: a chip set in a
  // grandchild under a grandparent's stack read "with serving.stack trtllm", the grandparent unnamed (breaker).
  const firstOrigin = errorOrigin(resolved.values[first]?.origin);
  const keyOrigin = errorOrigin(resolved.values[key]?.origin);
  const fromFile = firstOrigin?.kind === "file" || firstOrigin?.kind === "parent" ? firstOrigin : undefined;
  // (A blamed key set by --set or a share link is the user's change against the scenario as a whole: no file named.)
  const inFile = keyOrigin?.kind === "file" || keyOrigin?.kind === "parent" ? keyOrigin : undefined;
  const from = fromFile && inFile && inFile.file !== fromFile.file ? ` (from ${fromFile.file}:${fromFile.line})` : "";
  return scenarioValueError(resolved, key, {
    ...detail,
    message: `${detail.message}, with ${first} ${shown(first)}${from}`,
    // What the blamed key should be is its own bound, else the first key's expectation or another blamed key; the
    // message has just named the first key ("…, with serving.batch 64"), so it is not said again ("(for serving.batch
    // 64)" repeated it; breaker, and "(for serving.inputTokens 2048)" after "with serving.inputTokens 2048"; tester).
    expected: expectedByKey[key] ?? `${detail.expected}, or another ${key}`,
    found: written(key)
  });
}
