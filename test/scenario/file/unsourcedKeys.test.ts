import {describe, expect, it} from "vitest";
import {parseScenario} from "../../../src/scenario/file/parseScenario.js";
import {unsourcedKeys, unsourcedKeysNote} from "../../../src/scenario/file/unsourcedKeys.js";

const parse = (frontMatter: string) =>
  parseScenario({file: "x.md", text: `---\n${frontMatter}---\nBody.\n`, name: "x"});

describe("unsourcedKeys", () => {
  it("lists the keys a file sets without a sources: entry, in file order, and none when each has one", () => {
    const scenario = parse(
      "extends: base\npower:\n  pue: 1.1\n  electricity: 60 USD/MWh\nfinance.usefulLife: 4 years\n" +
        "sources:\n  power.electricity: PPA quote\n"
    );
    expect(unsourcedKeys(scenario).map((value) => [value.path, value.position.line])).toEqual([
      ["power.pue", 4],
      ["finance.usefulLife", 6]
    ]);
    expect(unsourcedKeysNote(scenario)).toBe(
      'x.md sets 2 keys without a source: power.pue (line 4), finance.usefulLife (line 6); its pages show "—" as ' +
        "their source (give each a line under sources:)"
    );
    expect(unsourcedKeysNote(parse('extends: base\npower.pue: 1.1\nsources:\n  power.pue: "a survey"\n'))).toBeNull();
  });
});
