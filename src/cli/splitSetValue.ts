import type {Command} from "commander";
import {UserError} from "../errors/userError.js";

/**
 * Throws for a --set value the shell split at its spaces: `--set serving.batch=[32, 64]` unquoted arrives as the two
 * arguments `serving.batch=[32,` and `64]`, and read "too many arguments for token-ledger run: expected only
 * <scenario>, found 64]" (helper item), as if the 64] were a stray word. The pieces, from a value with more `[` or `{`
 * than it closes to the argument that closes them, are joined with a space and read as the one value they were
 * typed as: a list is told as `--set 'serving.batch=[32, 64]'` is ("a list, not a single value", with how to try
 * several values), a value that reads once joined (a distribution's `{dist: …}`) is told to be quoted. A value whose
 * brackets never close is left to the value's own reader.
 *
 * @param args The arguments after the command name, as checkFlagValues scans them.
 * Throws: UserErrors from applyOverrides for the joined value, or a UserError naming the pieces and the quoted value.
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
    if (parts.length === 1 || depth > 0) {
      i = start;
      continue;
    }
    const joined = parts.join(" ");
    const {applyOverrides, EMPTY_RESOLVED_SCENARIO} = await import("../scenario/resolve/applyOverrides.js");
    applyOverrides(EMPTY_RESOLVED_SCENARIO, [joined], "--set");
    const equals = joined.indexOf("=");
    throw new UserError({
      flag: "--set",
      ...(equals > 0 ? {path: joined.slice(0, equals).trim()} : {}),
      message: "a value split by the shell",
      expected: "one argument per --set value",
      found: `${parts.length} arguments: ${parts.map((part) => JSON.stringify(part)).join(" ")}`,
      hint: `quote the value: --set '${joined.replace(/'/g, `'\\''`)}'`
    });
  }
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
