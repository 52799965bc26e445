import {readFileSync} from "node:fs";
import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {UserError} from "../../src/errors/userError.js";
import {findById} from "../../src/catalog/lookup.js";
import {closestMatches} from "../../src/errors/suggest.js";
import {parseHardwareCsv} from "../../src/catalog/parseHardwareCsv.js";
import {parseModelsCsv} from "../../src/catalog/parseModelsCsv.js";

const hardware = parseHardwareCsv(readFileSync(new URL("../../data/hardware.csv", import.meta.url), "utf8"), {
  file: "data/hardware.csv"
});
const models = parseModelsCsv(readFileSync(new URL("../../data/models.csv", import.meta.url), "utf8"), {
  file: "data/models.csv"
});

function thrown(fn: () => unknown): UserError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return error as UserError;
  }
  throw new Error("expected a UserError");
}

describe("findById", () => {
  it("returns the row with that id", () => {
    expect(findById(hardware, "h100-sxm", "hardware").name).toBe("NVIDIA H100 SXM5 80GB");
    expect(findById(models, "deepseek-v3", "model").activeParams).toBe(37e9);
  });

  it("suggests the three closest ids for an unknown hardware id", () => {
    const error = thrown(() => findById(hardware, "h10", "hardware"));
    expect(error.detail.message).toBe("unknown hardware id 'h10'");
    expect(error.detail.hint).toBe("did you mean 'h100-sxm', 'h200-sxm' or 'h800-sxm'?");
    expect(error.message).toContain("unknown hardware id 'h10'");
  });

  it("offers the row of the typed id's family first (b200 for b200-sxm; new-user trial)", () => {
    const error = thrown(() => findById(hardware, "b200-sxm", "hardware", "--hardware"));
    expect(error.detail.hint).toBe("did you mean 'b200', 'h200-sxm' or 'h100-sxm'?");
  });

  it("names the flag that carried the id", () => {
    const error = thrown(() => findById(models, "llama-3.2-70b", "model", "--model"));
    expect(error.detail.flag).toBe("--model");
    expect(error.message.startsWith("--model: unknown model id 'llama-3.2-70b'")).toBe(true);
    expect(error.detail.hint).toContain("'llama-3.1-70b'");
  });

  it("shows an id with a look-alike dash escaped, and suggests its ASCII form first (breaker)", () => {
    // U+2011, the non-breaking hyphen, drawn as '-': the message printed llama‑3.1‑70b beside 'llama-3.1-70b'.
    const error = thrown(() => findById(models, "llama\u20113.1\u201170b", "model", "--model"));
    expect(error.detail.message).toBe('unknown model id "llama\\u20113.1\\u201170b"');
    expect(error.detail.hint).toMatch(/^did you mean 'llama-3\.1-70b'/);
  });

  it("suggests for an id in fullwidth letters or with spaces what its ASCII, hyphenated form gets", () => {
    // ｈ１００ is h100 under NFKC: it was offered 'b200', 'gb200' and 'mi300x', by edit distance to fullwidth letters.
    const fullwidth = thrown(() => findById(hardware, "ｈ１００", "hardware", "--hardware"));
    expect(fullwidth.detail.hint).toBe(thrown(() => findById(hardware, "h100", "hardware")).detail.hint);
    expect(fullwidth.detail.hint).toMatch(/^did you mean 'h100-sxm', /);
    // Still unknown: a spelling is only offered, never taken for the id.
    expect(thrown(() => findById(hardware, "H100 SXM", "hardware")).detail.hint).toMatch(/^did you mean 'h100-sxm', /);
  });

  it("is case-sensitive for matches but not for suggestions", () => {
    const error = thrown(() => findById(hardware, "MI300X", "hardware"));
    expect(error.detail.hint).toMatch(/^did you mean 'mi300x'/);
  });

  it("omits the hint when there is nothing to suggest", () => {
    expect(thrown(() => findById([], "x", "model")).detail.hint).toBeUndefined();
  });
});

describe("closestMatches", () => {
  it("ranks completions of a truncated id first", () => {
    expect(closestMatches("tpu-v6", ["tpu-v5e", "tpu-v6e", "b200"], 1)).toEqual(["tpu-v6e"]);
    expect(closestMatches("trainium", ["trainium2", "tpu-v5e"], 2)).toEqual(["trainium2", "tpu-v5e"]);
  });

  it("ranks the typed id's family first: ids whose first dash-separated segment is its (new-user trial)", () => {
    const ids = hardware.map((h) => h.id);
    // Edit distance alone offered 'h200-sxm', 'h100-sxm' and 'h800-sxm' for b200-sxm, never b200.
    expect(closestMatches("b200-sxm", ids)).toEqual(["b200", "h200-sxm", "h100-sxm"]);
    expect(closestMatches("B200-SXM", ids, 1)).toEqual(["b200"]);
    expect(closestMatches("h100", ids, 1)).toEqual(["h100-sxm"]);
    expect(closestMatches("mi300", ids, 1)).toEqual(["mi300x"]);
    expect(closestMatches("gb200-nvl72", ids, 1)).toEqual(["gb200"]);
    // Within the family, the closest first.
    expect(
      closestMatches(
        "llama-3.1-7b",
        models.map((m) => m.id)
      )
    ).toEqual(["llama-3.1-70b", "llama-3.1-8b", "llama-3.1-405b"]);
  });

  it("ranks a one-letter typo first", () => {
    expect(
      closestMatches(
        "h200-smx",
        hardware.map((h) => h.id),
        1
      )
    ).toEqual(["h200-sxm"]);
  });

  it("returns at most n distinct candidates, drawn from the list, the exact match first", () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({maxLength: 8}), {maxLength: 12}),
        fc.string({maxLength: 8}),
        fc.nat(5),
        (candidates, word, n) => {
          const result = closestMatches(word, candidates, n);
          expect(result.length).toBe(Math.min(n, new Set(candidates).size));
          expect(new Set(result).size).toBe(result.length);
          for (const r of result) expect(candidates).toContain(r);
          if (
            n > 0 &&
            candidates.includes(word) &&
            !candidates.some((c) => c !== word && c.toLowerCase() === word.toLowerCase())
          ) {
            expect(result[0]).toBe(word);
          }
        }
      )
    );
  });
});
