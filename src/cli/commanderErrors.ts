import type {Command, CommanderError, Option} from "commander";
import {didYouMean} from "../errors/suggest.js";
import {UserError} from "../errors/userError.js";
import {BYTE_ORDER_MARK_HINT, lookalikeName} from "../errors/unsafeChars.js";
import {orList} from "../units/wordList.js";

/** The quoted names in a commander message: `unknown option '--frob'` → ["--frob"]. */
function quoted(message: string): string[] {
  return [...message.matchAll(/'([^']*)'/g)].map((match) => match[1] ?? "");
}

/** `token-ledger run` for a subcommand, `token-ledger` for the program. */
function commandPath(command: Command): string {
  const names: string[] = [];
  for (let at: Command | null = command; at; at = at.parent) names.unshift(at.name());
  return names.join(" ");
}

function longFlags(command: Command): string[] {
  return command.options.map((option: Option) => option.long ?? option.short ?? option.flags);
}

/**
 * Commander's own parse errors (unknown command or option, missing value, missing required flag, extra argument)
 * as one UserError line with the flag or command, what was expected and what was found, instead of commander's two
 * lines. Help and version requests (exit code 0) and anything unrecognised are returned as they are.
 */
export function commanderUserError(command: Command, error: CommanderError): UserError | CommanderError {
  const names = quoted(error.message);
  const usage = `see ${commandPath(command)} --help`;
  switch (error.code) {
    case "commander.unknownCommand": {
      const commands = command.commands.map((sub) => sub.name());
      const found = names[0] ?? "";
      const hint = didYouMean(found, commands);
      return new UserError({
        message: "unknown command",
        expected: `one of ${commands.join(", ")}`,
        found,
        ...(hint ? {hint} : {})
      });
    }
    case "commander.unknownOption":
      return unknownOptionError(command, names[0] ?? "");
    case "commander.optionMissingArgument":
    case "commander.missingMandatoryOptionValue": {
      // Commander checks required flags before unknown ones, so `sweep … -o q.csv` (or `--outt q.csv`) read "--out:
      // required option not given" (breaker): an unknown flag given is the mistake to name.
      const unknown = error.code === "commander.missingMandatoryOptionValue" ? firstUnknownOption(command) : undefined;
      if (unknown !== undefined) return unknownOptionError(command, unknown);
      const flags = names[0] ?? "";
      const flag = flags.split(/[ ,]+/).find((part) => part.startsWith("--")) ?? flags;
      const missing = error.code === "commander.optionMissingArgument";
      return new UserError({
        flag,
        message: missing ? "missing value" : "required option not given",
        expected: flags,
        found: missing ? "nothing (the command line ends)" : "nothing",
        hint: usage
      });
    }
    case "commander.missingArgument":
      return new UserError({
        message: `missing argument of ${commandPath(command)}`,
        expected: `<${names[0] ?? "argument"}>`,
        found: "nothing",
        hint: usage
      });
    case "commander.excessArguments": {
      const expected = command.registeredArguments.map((argument) => `<${argument.name()}>`).join(" ");
      const extra = command.args.slice(command.registeredArguments.length);
      return new UserError({
        message: `too many arguments for ${commandPath(command)}`,
        expected: expected ? `only ${expected}` : "no arguments",
        found: extra.join(" ") || String(command.args.length),
        hint: usage
      });
    }
    default:
      if (error.exitCode === 0 || error.code === "commander.help" || error.code === "commander.helpDisplayed")
        return error;
      return new UserError({message: error.message.replace(/^error: /, "").split("\n")[0] ?? error.code});
  }
}

/**
 * The error for an option `found` that `command` does not know, with a hint: a misspelt long flag's likely meaning,
 * or the long flags a short one may stand for (`-o`: "did you mean --out?"; the commands have no short flags), else
 * the help to read.
 */
function unknownOptionError(command: Command, found: string): UserError {
  const flags = longFlags(command);
  const hint =
    misspeltFlag(found, flags) ??
    (found.startsWith("--") ? didYouMean(found, flags) : undefined) ??
    shortFlagMeant(found, flags);
  return new UserError({
    flag: found,
    message: `unknown option of ${commandPath(command)}`,
    expected: flags.length ? `one of ${flags.join(", ")}` : "no options",
    found,
    hint: hint ?? `see ${commandPath(command)} --help`
  });
}

/**
 * The long flags a short flag `found` (`-o`, `-o=x`) may stand for, those whose name starts with its letter, as a hint:
 * "did you mean --out?", "did you mean --set, --seed or --samples?"; undefined for none or another argument.
 */
function shortFlagMeant(found: string, flags: readonly string[]): string | undefined {
  const letter = /^-([A-Za-z])(?:=.*)?$/s.exec(found)?.[1];
  if (letter === undefined) return undefined;
  const meant = flags.filter((flag) => flag.startsWith(`--${letter.toLowerCase()}`));
  return meant.length ? `did you mean ${orList(meant)}?` : undefined;
}

/**
 * The first option `command` was given that it does not know, from what commander left unparsed (its operands, then
 * the first unknown option and all after it: Command.args); undefined when there is none. A negative number is an
 * operand, as commander reads it.
 */
function firstUnknownOption(command: Command): string | undefined {
  return command.args.find(
    (arg) => arg.length > 1 && arg.startsWith("-") && !/^-(\d+|\d*\.\d+)(e[+-]?\d+)?$/.test(arg)
  );
}

/**
 * A flag that takes a value must not take the next flag as its value: `inference --hardware --model x` would
 * otherwise read `--model` as the hardware id. A flag that takes one value must not be given twice: commander keeps
 * the last (`--out a --out b` wrote b alone, `--seed 1 --seed 2` ran seed 2; breaker); repeatable flags (--set
 * with an array default, --vary whose help says "repeatable" without one: each value collected) may repeat. Scans `args` (after the command name) before commander
 * parses them, in the spellings it accepts: `--flag value`, `--flag=value`, `-f value`.
 *
 * Throws: UserError naming the flag whose value is missing and the flag found in its place, the flag given twice
 * and both of its values, or the flag whose value holds a byte-order mark (U+FEFF) and that value.
 */
export function checkFlagValues(command: Command, args: readonly string[]): void {
  const takesValue = new Map<string, Option>();
  for (const option of command.options) {
    if (!option.required && !option.optional) continue;
    if (option.long) takesValue.set(option.long, option);
    if (option.short) takesValue.set(option.short, option);
  }
  const given = new Map<Option, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--") return;
    dashedFlag(command, arg);
    const equals = arg.startsWith("--") ? arg.indexOf("=") : -1;
    const name = equals > 0 ? arg.slice(0, equals) : arg;
    const option = takesValue.get(name);
    if (!option) continue;
    let value: string | undefined = equals > 0 ? arg.slice(equals + 1) : undefined;
    if (value === undefined && option.required) {
      const next = args[i + 1];
      if (next !== undefined && next.startsWith("--")) {
        throw new UserError({
          flag: arg,
          message: "missing value",
          expected: option.flags,
          found: `the flag ${next}`,
          hint: `give ${arg} a value, e.g. ${arg} VALUE ${next} …`
        });
      }
      value = next;
      i++;
    }
    // trim() and \s take a byte-order mark for a space, so every reader of a value read past one: `--batch \uFEFF64`,
    // `--set serving.batch=\uFEFF64` ran with 64 where a scenario file refuses the mark (breaker). Refused here, before
    // any flag's own reader, for a flag of any kind.
    if (value?.includes("\uFEFF")) {
      throw new UserError({
        flag: option.long ?? name,
        message: "invisible character",
        expected: "a value with no byte-order mark",
        found: value,
        hint: BYTE_ORDER_MARK_HINT
      });
    }
    // A required repeatable flag has no default (help would read "(default: none)"), so its help text marks it.
    if (Array.isArray(option.defaultValue) || /\brepeatable\b/.test(option.description)) continue;
    const flag = option.long ?? name;
    const shown = `${flag} ${JSON.stringify(value ?? "")}`;
    const before = given.get(option);
    if (before !== undefined) {
      throw new UserError({
        flag,
        message: "given twice",
        expected: `one ${flag} (it takes a single value)`,
        found: `${before} and ${shown}`
      });
    }
    given.set(option, shown);
  }
}

/**
 * The hint for an unknown option that is a known long flag written with a fullwidth ＝ before its value (`--batch＝8`,
 * as an East Asian input method types it) or with one dash (`-batch 8`, as some tools write a long flag): what to
 * write, "a fullwidth ＝, not =: --batch=8", "a long flag takes two hyphens: --batch". Both read "unknown option",
 * the first offered --batch without its value, the second no flag at all (breaker). Undefined for another option.
 */
function misspeltFlag(found: string, flags: readonly string[]): string | undefined {
  const [name = "", ...rest] = found.split("\uff1d");
  const value = rest.length ? `=${rest.join("\uff1d")}` : "";
  const long = /^-[A-Za-z][\w-]+$/.test(name) ? `-${name}` : name;
  if (!flags.includes(long) || (long === name && !value)) return undefined;
  const reasons = [
    ...(long !== name ? ["a long flag takes two hyphens"] : []),
    ...(value ? ["a fullwidth ＝, not ="] : [])
  ];
  return `${reasons.join("; ")}: ${long}${value}`;
}

/** A flag written with a dash that is not a hyphen-minus (`—batch`, `–batch`, `−−seed`): its dashes, name and value. */
const DASHED_FLAG = /^([-\u2010-\u2015\u2212\ufe63\uff0d]+)([A-Za-z][\w-]*)(=.*)?$/s;

/**
 * Throws for a flag written with a dash a word processor or a phone types for two hyphens (an em dash, an en dash):
 * "an em dash, not two hyphens: --batch". It read "too many arguments … found —batch 8" (breaker).
 *
 * Throws: UserError naming the argument as written and the flag it stands for.
 */
function dashedFlag(command: Command, arg: string): void {
  const match = DASHED_FLAG.exec(arg);
  const [, dashes = "", name = "", value = ""] = match ?? [];
  const odd = [...dashes].find((char) => char !== "-");
  if (!match || odd === undefined) return;
  const flags = longFlags(command);
  const short = command.options.map((option: Option) => option.short).filter((flag) => flag !== undefined);
  const meant = flags.includes(`--${name}`) ? `--${name}` : short.includes(`-${name}`) ? `-${name}` : `--${name}`;
  const known = flags.includes(meant) || short.includes(meant);
  const other = known ? undefined : didYouMean(meant, flags);
  throw new UserError({
    flag: arg,
    message: "not a flag's dashes",
    expected: `a flag written with ASCII hyphens, like ${meant}`,
    found: arg,
    hint: `${lookalikeName(odd) ?? "a dash"}, not ${meant.startsWith("--") ? "two hyphens" : "a hyphen"}: ${meant}${value}${
      known ? "" : ` (no such flag${other ? `: ${other}` : `; see ${commandPath(command)} --help`})`
    }`
  });
}
