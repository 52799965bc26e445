import {shellWord} from "../errors/shellWord.js";
import type {Command} from "commander";
import {UserError} from "../errors/userError.js";

/**
 * Throws for a --set value the shell split at its spaces: `--set serving.batch=[32, 64]` unquoted arrives as the two
 * arguments `serving.batch=[32,` and `64]`, and read "too many arguments for token-ledger run: expected only
 * <scenario>, found 64]" (helper item), as if the 64] were a stray word. The pieces, from a value with more `[` or `{`
 * than it closes to the argument that closes them, are joined with a space and read as the one value they were
 * typed as: a list is told as `--set 'serving.batch=[32, 64]'` is ("a list, not a single value", with how to try
 * several values), a value that reads once joined (a distribution's `{dist: …}`) is told to be quoted. Pieces whose
 * brackets never close are told as an unclosed list or map (unclosedError); a single argument whose brackets never
 * close is left to applyOverrides, which tells it as one ("an unclosed list", with the same hint).
 *
 * @param args The arguments after the command name, as checkFlagValues scans them.
 * Throws: UserErrors from applyOverrides for the joined value, or a UserError naming the pieces and how to write them.
 */
export async function checkSplitSetValues(command: Command, args: readonly string[]): Promise<void> {
  if (!command.options.some((option) => option.long === "--set")) return;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--") return;
    const inline = arg.startsWith("--set=");
    if (arg !== "--set" && !inline) continue;
    const start = inline ? i : i + 1;
    const first = inline ? arg.slice("--set=".length) : args[start];
    if (first === undefined) return;
    const parts = [first];
    let depth = bracketDepth(first);
    for (let next = start + 1; depth > 0 && next < args.length && !args[next]!.startsWith("--"); next++) {
      parts.push(args[next]!);
      depth += bracketDepth(args[next]!);
    }
    if (parts.length === 1) {
      i = start;
      continue;
    }
    const joined = parts.join(" ");
    const equals = joined.indexOf("=");
    const split = {
      flag: "--set",
      ...(equals > 0 ? {path: joined.slice(0, equals).trim()} : {}),
      found: `${parts.length} arguments: ${parts.map((part) => JSON.stringify(part)).join(" ")}`
    };
    const overrides = await import("../scenario/resolve/applyOverrides.js");
    if (depth > 0) throw unclosedError(joined, split, overrides, await import("../scenario/file/schema.js"));
    overrides.applyOverrides(overrides.EMPTY_RESOLVED_SCENARIO, [joined], "--set");
    throw new UserError({
      ...split,
      message: "a value split by the shell",
      expected: "one argument per --set value",
      hint: `quote the value: --set ${shellWord(joined)}`
    });
  }
}

/**
 * The error for a --set value the shell split whose brackets never close: `--set serving.batch=[32, 64` unquoted
 * arrives as `serving.batch=[32,` and `64`, and the 64 read "too many arguments … found 64" (breaker). Said as an
 * unclosed list (or map) split by the shell, with the hint one argument left unclosed gets (applyOverrides.ts,
 * unclosedBrackets: for several values, the one the list closed gets, "--set takes one value: to try several, …").
 */
function unclosedError(
  joined: string,
  split: {flag: string; path?: string; found: string},
  overrides: typeof import("../scenario/resolve/applyOverrides.js"),
  schema: typeof import("../scenario/file/schema.js")
): UserError {
  const equals = joined.indexOf("=");
  const path = equals > 0 ? joined.slice(0, equals).trim() : "";
  const value = equals > 0 ? joined.slice(equals + 1).trim() : joined;
  const unclosed = overrides.unclosedBrackets(schema.scenarioKey(path), value, "--set", path)!;
  return new UserError({
    ...split,
    message: `an unclosed ${unclosed.kind}, split by the shell`,
    expected: `one value per --set, its ${unclosed.kind === "map" ? "{ }" : "[ ]"} closed`,
    ...(unclosed.hint ? {hint: unclosed.hint} : {})
  });
}

/** The `[` and `{` a piece of a value opens, less the `]` and `}` it closes. */
function bracketDepth(text: string): number {
  let depth = 0;
  for (const char of text) {
    if (char === "[" || char === "{") depth++;
    else if (char === "]" || char === "}") depth--;
  }
  return depth;
}
