import type {ParsedScenario, ParsedValue} from "./parseScenario.js";

/**
 * The assumptions a scenario file sets without a `sources:` entry: the pages show "—" as their source, and a reader
 * cannot trace the figure. Input: a parsed file's `values` and `sources`. Output: those values, in file order (each
 * with its path, as written, and its position). Raises nothing.
 */
export function unsourcedKeys(scenario: Pick<ParsedScenario, "values" | "sources">): ParsedValue[] {
  return Object.values(scenario.values).filter((value) => !(value.path in scenario.sources));
}

/**
 * One note for a file with unsourced keys (unsourcedKeys), naming each with its line: `validate` prints it after the
 * files are found valid. Null when every key the file sets has a source.
 */
export function unsourcedKeysNote(scenario: Pick<ParsedScenario, "file" | "values" | "sources">): string | null {
  const keys = unsourcedKeys(scenario);
  if (keys.length === 0) return null;
  const named = keys.map((value) => `${value.path} (line ${value.position.line})`).join(", ");
  return (
    `${scenario.file} sets ${keys.length === 1 ? "a key" : `${keys.length} keys`} without a source: ${named}; ` +
    `its pages show "—" as ${keys.length === 1 ? "its source (give it" : "their source (give each"} a line under ` +
    "sources:)"
  );
}
