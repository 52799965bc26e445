import {isAlias, isMap, isScalar, isSeq, parseDocument, Scalar, visit, type Document, type YAMLMap} from "yaml";
import {UserError, UserErrors} from "../../errors/userError.js";
import {BYTE_ORDER_MARK_HINT} from "../../errors/unsafeChars.js";
import {trimSpaces} from "../../errors/trimSpaces.js";
import {truncate} from "../../errors/truncate.js";
import {
  expectedFor,
  listAsInterval,
  readValue,
  writtenValue,
  type CatalogIds,
  type ValueSite
} from "../file/readValue.js";
import type {ResolvedScenario} from "./resolveScenario.js";
import {groupKeyPaths, isQuantityKey, SCENARIO_GROUPS, scenarioKey, type ScenarioKeyDef} from "../file/schema.js";
import {duplicateKeys} from "../file/yamlKeys.js";
import {scenarioKeyHint} from "../file/keyPathHint.js";
import {addNullWordHint, isExplicitNull} from "../file/explicitNull.js";
import {describeFound} from "../../units/range.js";
import {checkResolved} from "./checkResolved.js";
import {plainNumberNode} from "./plainNumberNode.js";
import {setAsTyped} from "./setAsTyped.js";
import {
  commaSeparatedItems,
  commasBetweenDigits,
  decimalCommaReading,
  groupedReading,
  listItems,
  severalValuesHint,
  strayCommaHint
} from "./severalValues.js";

export {plainNumberNode};

/**
 * A scenario with no values: what applyOverrides is given to read a `--set` or share-link value on its own and word
 * its error (the command line's split-value check, splitSetValue.ts; the pages' share links, urlState.ts).
 */
export const EMPTY_RESOLVED_SCENARIO: Readonly<ResolvedScenario> = {
  id: "",
  file: "",
  title: "",
  label: "",
  description: "",
  body: "",
  bodyLine: 1,
  chain: [],
  values: {}
};

/**
 * Applies `path=value` overrides (the command line's `--set serving.utilization=0.7`, a page's URL parameters) on top
 * of a resolved scenario, and returns a new one. Values use the file notation, units and distributions included
 * (`--set "silicon.power=600 to 800 W"`); `path=null` takes the key back to its default, as `null` does in a file.
 * Every bad override is collected and thrown together as UserErrors naming the flag, the key path, what was expected
 * and what was found. With `catalogIds`, an id's hint offers only a catalog id.
 *
 * @param resolved A resolved scenario (ScenarioLibrary.resolve), not changed.
 * @param sets `path=value` texts, one override each (`["serving.batch=32", "serving.utilization=70%"]`).
 * @param flag What the errors name as carrying the overrides (default `--set`).
 * @returns The scenario with each key's value in base units, its origin the flag.
 * @throws UserErrors: every bad override, and a `sets` that is not a list of texts (one string was read letter by
 *   letter, "missing =: … found s" once per letter; modeller trial). UserError naming `resolved` when it is no
 *   resolved scenario, and `flag` when it is no text.
 */
export function applyOverrides(
  resolved: ResolvedScenario,
  sets: readonly string[],
  flag = "--set",
  catalogIds?: CatalogIds
): ResolvedScenario {
  checkSetsList(sets, flag);
  // Left out or of another shape, it read "Cannot read properties of null (reading 'values')", or {} and 3 returned
  // their own fields with the sets as if resolved (breaker).
  checkResolved("resolved", resolved);
  const values = {...resolved.values};
  const errors: UserError[] = [];
  const seen = new Map<string, string>();
  for (const set of sets) {
    const equals = set.indexOf("=");
    if (equals < 0) {
      errors.push(
        new UserError({
          flag,
          message: "missing =",
          expected: "path=value, like serving.utilization=0.7",
          found: set,
          ...missingEqualsHint(set)
        })
      );
      continue;
    }
    // trim() and \s take a byte-order mark for a space, so a link's `serving.batch=\uFEFF64` read as 64 where a flag's
    // value and a scenario file refuse the mark (breaker): refused as checkFlagValues refuses it, the value (or the
    // whole set, for a mark in the key) found as written, the mark escaped.
    if (set.includes("\uFEFF")) {
      const value = set.slice(equals + 1);
      errors.push(
        new UserError({
          flag,
          path: set
            .slice(0, equals)
            .replace(/\uFEFF/g, "")
            .trim(),
          message: "invisible character",
          expected: "a value with no byte-order mark",
          found: trimSpaces(value.includes("\uFEFF") ? value : set),
          hint: BYTE_ORDER_MARK_HINT
        })
      );
      continue;
    }
    const path = set.slice(0, equals).trim();
    const written = set.slice(equals + 1).trim();
    const def = scenarioKey(path);
    // `serving.utilization=0.5=0.6`: no value of a key holds an `=`, and the second one read as a wrong unit (breaker).
    if (def && written.includes("=")) {
      errors.push(
        new UserError({
          flag,
          path,
          message: "a second =",
          expected: "path=value, one = between key and value, like serving.utilization=0.7",
          found: set
        })
      );
      continue;
    }
    if (!def && SCENARIO_GROUPS.includes(path)) {
      const keys = groupKeyPaths(path);
      errors.push(
        new UserError({
          flag,
          path,
          message: "a group of keys, not a key",
          expected: `one of its keys, like ${keys.slice(0, 3).join(", ")}`,
          found: path
        })
      );
      continue;
    }
    const first = seen.get(path);
    if (first !== undefined) {
      errors.push(
        new UserError({flag, path, message: "set twice", expected: "each key set once", found: `${first} and ${set}`})
      );
      continue;
    }
    seen.set(path, set);
    if (!def) {
      const hint = scenarioKeyHint(path);
      errors.push(
        new UserError({
          flag,
          path,
          message: "unknown key",
          expected: "a scenario key path, like serving.utilization",
          found: path || '""',
          ...(hint ? {hint} : {})
        })
      );
      continue;
    }
    const plain = plainNumberNode(written) ?? loneDashNode(written);
    const doc = plain ? null : parseDocument(written, {prettyErrors: false, uniqueKeys: false});
    const markup = doc ? yamlMarkup(doc, written) : undefined;
    // `[32` or `{dist: normal, mean: 1`, one argument whose brackets never close, read "malformed value" (breaker):
    // said as an unclosed list (or map), with the hint its closed form gets (`[32, 64]`: how to try several values).
    const unclosed = doc && !markup && doc.errors.length ? unclosedBrackets(def, written, flag, path) : null;
    if (unclosed) {
      errors.push(
        new UserError({
          flag,
          path,
          message: `an unclosed ${unclosed.kind}`,
          expected: `a ${unclosed.kind === "list" ? "] to close the [" : "} to close the {"}`,
          found: written,
          ...(unclosed.hint ? {hint: unclosed.hint} : {})
        })
      );
      continue;
    }
    if (doc && (markup || doc.errors.length || doc.warnings.length || duplicateKeys(doc).length)) {
      // YAML markup is said as such: it read "malformed value" and no more, as if the value were wrong (breaker).
      // Markup that is the whole value (`*a`) leaves nothing once removed: the value itself is asked for instead.
      // A comma that begins a value (`,64`) is no YAML either: said as a list begun by mistake (strayCommaHint).
      const hint = markup
        ? `${flag} takes a plain value, not YAML: ` +
          (markup.token === written.trim()
            ? `write the value itself, not ${markup.name} ${markup.token}`
            : `remove ${markup.name} ${markup.token}`)
        : strayCommaHint(def, path, written, flag, catalogIds);
      errors.push(
        new UserError({flag, path, message: "malformed value", expected: expectedFor(def), found: written, hint})
      );
      continue;
    }
    const collection = doc && collectionError(def, doc.contents, written, flag, path);
    if (collection) {
      errors.push(collection);
      continue;
    }
    // `null` (or `~`) takes the key back to the value it has with no file setting it, as in a file; `path=` is refused.
    if (doc && isExplicitNull(doc.contents)) {
      values[path] = {
        path,
        value: def.default,
        written: null,
        origin: {kind: "default", unset: {kind: "override", flag, written: set, replaced: values[path]?.value ?? null}},
        source: def.source
      };
      continue;
    }
    const site: ValueSite = {
      errors,
      ...(catalogIds ? {catalogIds} : {}),
      locate: () => ({flag}),
      // As written: a line break is shown escaped, as the message escapes it (`found "1\n2"`), not folded to a space
      // (`found 1 2`; breaker), and a long value is cut by the message with its length.
      text: (node) => {
        const range =
          node !== null && typeof node === "object" && "range" in node && Array.isArray(node.range)
            ? (node.range as number[])
            : undefined;
        return range ? written.slice(range[0], range[1]) : "";
      },
      deref: (node) => {
        let current = node;
        for (let hops = 0; doc && isAlias(current) && hops < 32; hops++) current = current.resolve(doc);
        return current;
      }
    };
    const before = errors.length;
    const value = readValue(def, plain ?? doc!.contents, site);
    if (value === undefined) {
      // A value refused whole that is several values of the key between commas (`fp8,bf16`) is said as a list, in
      // place of what its reader made of the whole ("not one of the choices … found fp8,bf16").
      const list = doc ? commaListError(def, doc.contents, flag, path, catalogIds) : null;
      if (list) errors.splice(before, errors.length - before, list);
      else addNullWordHint(errors, before, site.deref(plain ?? doc!.contents));
      // `64,`: a list ended by mistake, told the one value (it read "not a number" and no more; helper item).
      const stray = list ? undefined : strayCommaHint(def, path, written, flag, catalogIds);
      for (let i = before; stray && i < errors.length; i++) {
        if (errors[i]!.detail.hint === undefined) errors[i] = new UserError({...errors[i]!.detail, hint: stray});
      }
      // `--set serving.batch=2,000,000`, out of range: said as read, as a value failing a later check is.
      const grouped = groupedReading(def, path, written, flag);
      for (let i = before; grouped && i < errors.length; i++) {
        const detail = errors[i]!.detail;
        if (detail.message !== "out of range") continue;
        const hint = [detail.hint, grouped.hint].filter((text) => text !== undefined).join("; ");
        errors[i] = new UserError({...detail, message: `${detail.message} (${grouped.note})`, ...(hint ? {hint} : {})});
      }
      continue;
    }
    // The value as the reader sees it, as a file's (`"$1.2k"` quoted for the shell is $1.2k); the set as typed in origin.
    const shown = plain ? written : writtenValue(doc!.contents, site);
    const replaced = values[path]?.value ?? null;
    values[path] = {
      path,
      value,
      written: shown,
      origin: {kind: "override", flag, written: set, replaced},
      source: null
    };
  }
  if (errors.length) throw new UserErrors(errors);
  return {...resolved, values};
}

/**
 * A set's value that is a lone `-` as the text `-`, not the list of one empty item YAML reads from it: a value on a
 * command line or in a link is never a list, and `--set serving.hardware=-` read "found a list -" (helper item).
 * Null for anything else.
 */
function loneDashNode(written: string): Scalar<string> | null {
  if (written !== "-") return null;
  const node = new Scalar(written);
  node.range = [0, written.length, written.length];
  return node;
}

/**
 * The error for a set's value that YAML reads as a list (`- h100`, `[h100]`) or, for a key that cannot be a
 * distribution, a map (`h100: sxm`, `{a: 1}`), where the key takes one value: "a list, not a single value", expected
 * the key's value ("a single id of data/hardware.csv, such as h100-sxm"), found the value as typed and what YAML made of it
 * ("- h100 (a list)"), and how to write it. It read "not a catalog id: … found a list - h100", as if the id were
 * misspelt (helper item). A map with a `dist` is a distribution, which readValue refuses as such for a key that
 * cannot be one. Null for anything else.
 */
function collectionError(
  def: ScenarioKeyDef,
  node: unknown,
  written: string,
  flag: string,
  path: string
): UserError | null {
  const list = isSeq(node);
  const map = isMap(node) && !def.distribution && !(node as YAMLMap).has("dist");
  if (!list && !map) return null;
  const kind = list ? "list" : "map";
  const value = written.trim();
  // What to type instead: the one item without YAML's dash or brackets, or the text quoted for YAML, which keeps it.
  const items = list ? node.items : [];
  // Several values are several distinct scalars: `[32, 32]` is one value twice, and `[[32, 64], [1]]` offered
  // "--set serving.batch=[32, 64]", itself a list, as one of the runs to try (breaker).
  const distinct = new Set(items.map((entry) => (isScalar(entry) ? String(entry.value) : entry)));
  const scalars = items.every((entry) => isScalar(entry));
  const item =
    (items.length === 1 || (scalars && distinct.size === 1)) && isScalar(items[0])
      ? String(items[0].value ?? "")
      : undefined;
  // Each set as the flag takes it: `--set` quoted for the shell (setAsTyped), a link's as set=path=value.
  const set = (text: string) => setAsTyped(flag, path, text);
  const quoted = set(`'${value.replace(/'/g, "''")}'`);
  const dropped = item ? ` (${set(item)})` : "";
  const interval = listAsInterval(def, node);
  const hint = list
    ? scalars && distinct.size > 1 && interval === undefined
      ? severalValuesHint(def, path, listItems(items, written), flag)
      : interval !== undefined && value.startsWith("[")
        ? `YAML reads [ ] as a list: a 90% interval is written with "to" (${set(interval)})`
        : value.startsWith("[")
          ? `YAML reads [ ] as a list: drop the brackets${dropped}, or quote the value if they are part of it (${quoted})`
          : `YAML reads a value starting with "- " as a list: drop the dash${dropped}, or quote the value if the dash is part of it (${quoted})`
    : value.startsWith("{")
      ? `YAML reads { } as a map, which only a distribution is written as, and ${path} cannot be one: write one value`
      : `YAML reads "key: value" as a map: quote the value if the colon is part of it (${quoted})`;
  return new UserError({
    flag,
    path,
    message: `a ${kind}, not a single value`,
    expected: oneValueExpected(def),
    found: `${truncate(value)} (a ${kind})`,
    hint
  });
}

/**
 * A set's value with more `[` or `{` than it closes (`[32`, `[32, 64`, `{dist: uniform, min: 0.4`), one argument or
 * pieces the shell split (splitSetValue.ts): whether it is a list or a map (its first bracket left open), the value
 * closed, and the hint to give. A list of plain values, once closed, gets the hint it gets closed (collectionError:
 * `[32, 64]` how to try several values, `[32]` to drop the brackets); any other list, that the flag takes one value
 * and to close and quote it if the brackets are part of it; a map, to close and quote it when it then reads, else no
 * hint. Null when all are closed. `def` undefined (an unknown key) gives a list the second hint and a map none.
 */
export function unclosedBrackets(
  def: ScenarioKeyDef | undefined,
  written: string,
  flag: string,
  path: string
): {kind: "list" | "map"; closed: string; hint?: string} | null {
  const open: string[] = [];
  for (const char of written) {
    if (char === "[" || char === "{") open.push(char);
    else if ((char === "]" || char === "}") && open.length) open.pop();
  }
  if (open.length === 0) return null;
  const kind = open[0] === "{" ? "map" : "list";
  const closed =
    written +
    [...open]
      .reverse()
      .map((char) => (char === "[" ? "]" : "}"))
      .join("");
  const closedDoc = parseDocument(closed, {prettyErrors: false, uniqueKeys: false});
  const node = closedDoc.contents;
  // Closed, the list must read: `[32, "64` closed is `[32, "64]`, whose quote never closes, and it was offered
  // `--set serving.batch="64]` as a value to try, which the shell waits on for its closing quote (breaker).
  const plainList = closedDoc.errors.length === 0 && isSeq(node) && node.items.every((item) => isScalar(item));
  const hint = def && plainList ? collectionError(def, node, closed, flag, path)?.detail.hint : undefined;
  if (hint) return {kind, closed, hint};
  if (kind === "map") {
    // Offered closed only where it then reads (a distribution's `{dist: …}`): `{dist: [` closed is no value either.
    let reads = def !== undefined;
    try {
      if (reads) applyOverrides(EMPTY_RESOLVED_SCENARIO, [`${path}=${closed}`], flag);
    } catch {
      reads = false;
    }
    if (!reads) return {kind, closed};
  }
  if (flag !== "--set") {
    // A link's set is one parameter: a map is closed; brackets that are part of the text are quoted for YAML.
    const text = `set=${path}='${closed.replace(/'/g, "''")}'`;
    return {
      kind,
      closed,
      hint:
        kind === "list"
          ? `a link sets one value per key: write one, or if the brackets are part of it, close them and quote the ` +
            `value (${text})`
          : `close the map: set=${path}=${closed}`
    };
  }
  // As the command line types it, quoted for a POSIX shell (setAsTyped). Brackets that are part of a text are quoted
  // for YAML as well, inside the shell's quotes: quoted for the shell alone, YAML still read a list.
  const set = setAsTyped(flag, path, kind === "list" ? `'${closed.replace(/'/g, "''")}'` : closed);
  return {
    kind,
    closed,
    hint:
      kind === "list"
        ? `--set takes one value: write one, or if the brackets are part of it, close them and quote the value (${set})`
        : `close the map and quote the value: ${set}`
  };
}

/**
 * The error for a --set or share-link value that, refused whole, is several values of the key written between commas
 * (`serving.kvCache=fp8,bf16`, `serving.utilization=0.5,0.6`, `serving.batch=32,64`): "a list, not a single value",
 * with the hint a bracketed list gets (severalValuesHint). They read "not one of the choices", "not a number", and
 * for `32,64` "written 32.64 with a decimal point, it is refused too", with no word that --set takes one value
 * (breaker). Each part must read as a value of the key on its own. A number the reader has its own hints for is left
 * to them: for a key that need not be whole, commas only between digits and no point (`0,5`, `1,2`, `$1,2000`,
 * `0,45 to 0,75`), which a decimal comma or misplaced thousands explain (quantity.ts, misgroupedNumber); for a whole
 * number, a part after a comma that starts with three digits (`9,000,50`, `1234,567`: thousands grouped wrong). Digits
 * grouped right (`1,000`) read as one number and never get here. Null for anything else.
 */
function commaListError(
  def: ScenarioKeyDef,
  node: unknown,
  flag: string,
  path: string,
  catalogIds: CatalogIds | undefined
): UserError | null {
  if (!isScalar(node) || typeof node.value !== "string" || !node.value.includes(",")) return null;
  const value = node.value.trim();
  const texts = value.split(",").map((part) => part.trim());
  if (texts.some((text) => text === "")) return null;
  if (decimalCommaReading(def, value)) return null;
  if (isQuantityKey(def) && def.integer && commasBetweenDigits(value)) {
    if (texts.slice(1).some((text) => /^\d{3}(?!\d)/.test(text))) return null;
  }
  const items = commaSeparatedItems(def, value, flag, catalogIds);
  if (!items) return null;
  return new UserError({
    flag,
    path,
    message: "a list, not a single value",
    expected: oneValueExpected(def),
    found: `${truncate(value)} (values between commas)`,
    hint: severalValuesHint(def, path, items, flag)
  });
}

/** What a key that takes a single value expects: an id of its catalog with an example, else expectedFor's words. */
function oneValueExpected(def: ScenarioKeyDef): string {
  if (def.type !== "id" || def.catalog === undefined) return `a single value: ${expectedFor(def)}`;
  const example = scenarioKey(def.catalog === "hardware" ? "serving.hardware" : "serving.model")?.default;
  return `a single id of data/${def.catalog}.csv, such as ${example}`;
}

/**
 * The YAML markup a set's value uses that a value on a command line or in a link has no use for and would otherwise
 * pass unseen, as its name and its text ({name: "the anchor", token: "&a"}): a comment (`0.5 # note`, kept in the address bar as written), an anchor or
 * alias (`&a 0.5`, `*a`), or an explicit tag (`!!str 0.5`); undefined for none. Flow maps for distributions
 * (`{dist: lognormal, …}`) stay allowed.
 */
function yamlMarkup(doc: Document, written: string): {name: string; token: string} | undefined {
  const token = (pattern: RegExp) => pattern.exec(written)?.[1];
  const comment = {name: "the comment", token: token(/(?:^|\s)(#.*)$/) ?? "#"};
  if (doc.comment || doc.commentBefore) return comment;
  let found: {name: string; token: string} | undefined;
  visit(doc, {
    Node(_, node) {
      if (isAlias(node)) found = {name: "the alias", token: token(/(\*[^\s,[\]{}]+)/) ?? `*${node.source}`};
      else if (node.anchor) found = {name: "the anchor", token: token(/(&[^\s,[\]{}]+)/) ?? `&${node.anchor}`};
      else if (node.tag) found = {name: "the tag", token: token(/(![^\s,[\]{}]*)/) ?? node.tag};
      else if (node.comment || node.commentBefore) found = comment;
      return found === undefined ? undefined : visit.BREAK;
    }
  });
  return found;
}

/**
 * The hint for an override with no `=`: a fullwidth ＝ (U+FF1D), as an East Asian input method types it, named (it had
 * no hint; breaker); a colon or fullwidth ：(U+FF1A) between a key and its value, as YAML writes it
 * (`serving.batch:16`, `serving.batch: 16`), told to write key=value (it read "missing =", no hint; breaker).
 */
function missingEqualsHint(set: string): {hint?: string} {
  if (set.includes("\uff1d")) return {hint: `a fullwidth ＝, not =: ${set.replace("\uff1d", "=")}`};
  const colon = /^([^:\uff1a\s]+)\s*([:\uff1a])\s*(.*)$/.exec(set.trim());
  if (!colon) return {};
  const [, path = "", sign = ":", value = ""] = colon;
  return {hint: `write key=value, not key${sign}value: ${path}=${value}`};
}

/**
 * Throws UserErrors naming `flag` unless `sets` is a list of texts (applyOverrides' @throws), every index read: a
 * hole (`[, "serving.batch=3"]`, which every() skips) read "Cannot read properties of undefined (reading 'indexOf')",
 * and a flag that is no text "text.replace is not a function" (breaker).
 */
function checkSetsList(sets: unknown, flag: unknown): void {
  if (typeof flag !== "string") {
    throw new UserError({
      path: "flag",
      message: "not a text",
      expected: 'what the errors name, like "--set"',
      found: describeFound(flag)
    });
  }
  if (Array.isArray(sets) && Array.from(sets).every((set) => typeof set === "string")) return;
  const expected = 'a list of path=value texts, like ["serving.utilization=0.7"]';
  throw new UserErrors([new UserError({flag, message: "not a list of texts", expected, found: describeFound(sets)})]);
}
