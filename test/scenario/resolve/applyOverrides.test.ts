import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {parseDocument, type Scalar} from "yaml";
import {loadScenarioLibrary} from "../../../src/node/scenarioLibrary.js";
import {applyOverrides, plainNumberNode} from "../../../src/scenario/resolve/applyOverrides.js";
import {UserErrors} from "../../../src/errors/userError.js";
import {didYouMeanHint} from "../../../src/errors/suggest.js";
import {catalogIdsOf, loadCatalogs} from "../../../src/node/catalogFiles.js";

/** What YAML reads from `written` as a document's only node. */
function yamlNode(written: string): Scalar {
  return parseDocument(written).contents as Scalar;
}

describe("plainNumberNode", () => {
  it("reads a plain decimal as the number YAML reads from it, its range covering the text", () => {
    const decimal = fc
      .tuple(fc.boolean(), fc.stringMatching(/^\d{1,15}$/), fc.option(fc.stringMatching(/^\d{1,15}$/)))
      .map(([minus, whole, fraction]) => `${minus ? "-" : ""}${whole}${fraction === null ? "" : `.${fraction}`}`);
    fc.assert(
      fc.property(decimal, (written) => {
        const node = plainNumberNode(written)!;
        expect(node, written).not.toBeNull();
        expect(node.value, written).toBe(yamlNode(written).value);
        expect(written.slice(node.range![0], node.range![1])).toBe(written);
      })
    );
  });

  it("leaves to YAML whatever is not a plain decimal", () => {
    for (const written of [
      "",
      "+1",
      "1e3",
      ".5",
      "5.",
      "0x10",
      "0o7",
      "1_000",
      "70%",
      "$300M",
      "0.5 to 0.7",
      "1 ",
      " 1"
    ])
      expect(plainNumberNode(written), written).toBeNull();
    // 16 digits on a side: left to YAML, whatever it makes of them.
    expect(plainNumberNode("1234567890123456")).toBeNull();
  });
});

describe("applyOverrides", () => {
  const resolved = loadScenarioLibrary().resolve("asic-9-months");

  it("applies a plain number as the file notation would: the value, and the set as written", () => {
    const edited = applyOverrides(resolved, ["serving.utilization=0.55"], "URL");
    expect(edited.values["serving.utilization"]).toMatchObject({
      value: 0.55,
      written: "0.55",
      origin: {kind: "override", flag: "URL", written: "serving.utilization=0.55"}
    });
    // The same number in other notations YAML reads alike.
    for (const written of ["+0.55", "55%", "5.5e-1"])
      expect(applyOverrides(resolved, [`serving.utilization=${written}`]).values["serving.utilization"]!.value).toBe(
        0.55
      );
  });

  it("refuses a plain number out of the key's range, naming it as written", () => {
    try {
      applyOverrides(resolved, ["serving.utilization=1.5"], "URL");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(UserErrors);
      const [first] = (error as UserErrors).errors;
      expect(first!.detail).toMatchObject({flag: "URL", path: "serving.utilization", found: "1.5"});
    }
  });

  it("reads a plain number for a key that is not a quantity as YAML reads it (a choice is refused, naming it)", () => {
    expect(() => applyOverrides(resolved, ["serving.precision=8"])).toThrow(
      "serving.precision: not one of the choices: expected one of bf16, fp8 or fp4, found 8"
    );
  });

  // trim() takes a byte-order mark for a space: a link's serving.utilization=\uFEFF0.55 read as 0.55, where a flag's
  // value and a scenario file refuse the mark (breaker). Refused as checkFlagValues refuses it, wherever it is.
  it.each([
    ["serving.utilization=\uFEFF0.55", "serving.utilization", '"\\ufeff0.55"'],
    ["serving.batch= 64\uFEFF ", "serving.batch", '"64\\ufeff"'],
    ["hardware.price=$12\uFEFFk", "hardware.price", '"$12\\ufeffk"'],
    ["\uFEFFserving.utilization=0.55", "serving.utilization", '"\\ufeffserving.utilization=0.55"']
  ])("refuses a byte-order mark in %j, naming the key", (set, path, found) => {
    expect(() => applyOverrides(resolved, [set], "URL")).toThrow(
      `URL: ${path}: invisible character: expected a value with no byte-order mark, found ${found} (a byte-order ` +
        "mark (U+FEFF), invisible in most editors, is in the value: remove it)"
    );
  });

  it("reads a lone - as the text -, not a YAML list, with no ids offered for text with no letter or digit", () => {
    const ids = catalogIdsOf(loadCatalogs());
    // It read "found a list -" with no hint; then it was offered the three ids the ranking put closest to "-" ('b200',
    // 'gb200' or 'tpu-v3'), no guess at what was meant (new-user check). The error says what a catalog id is.
    let message = "";
    try {
      applyOverrides(resolved, ["serving.hardware=-"], "--set", ids);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe(
      "--set: serving.hardware: not a catalog id: expected a catalog id in lowercase kebab-case, like h100-sxm or " +
        "llama-3.1-70b, found -"
    );
    // Any other key finds - as written too.
    expect(() => applyOverrides(resolved, ["serving.utilization=-"])).toThrow(
      "--set: serving.utilization: not a number: expected a fraction like 0.35 or 35%, found -"
    );
  });

  it.each([
    [
      "serving.hardware=- h100",
      // It read "not a catalog id: … found a list - h100", as if the id were misspelt (helper item). The example id is
      // the schema's default of serving.hardware (h100-sxm), or of serving.model (llama-3.1-70b) for a model.
      "--set: serving.hardware: a list, not a single value: expected a single id of data/hardware.csv, such as " +
        'h100-sxm, found - h100 (a list) (YAML reads a value starting with "- " as a list: ' +
        "drop the dash (--set serving.hardware=h100), or quote the value if the dash is part of it " +
        `(--set "serving.hardware='- h100'"))`
    ],
    [
      "serving.model=[llama-3.1-8b]",
      "--set: serving.model: a list, not a single value: expected a single id of data/models.csv, such as " +
        "llama-3.1-70b, found [llama-3.1-8b] (a list) (YAML reads [ ] as a list: drop the " +
        "brackets (--set serving.model=llama-3.1-8b), or quote the value if they are part of it " +
        `(--set "serving.model='[llama-3.1-8b]'"))`
    ],
    [
      // A key that is no id says what it takes in the words of its other errors (expectedFor).
      "serving.batch=- 64",
      "--set: serving.batch: a list, not a single value: expected a single value: a whole number: a count like 16384, " +
        '16k, 1.5M or 2B, found - 64 (a list) (YAML reads a value starting with "- " as a list: drop the dash ' +
        "(--set serving.batch=64), or quote the value if the dash is part of it (--set \"serving.batch='- 64'\"))"
    ],
    [
      "serving.stack=vllm: 1",
      "--set: serving.stack: a map, not a single value: expected a single value: one of trtllm, vllm, sglang, jax, " +
        'neuron or other, found vllm: 1 (a map) (YAML reads "key: value" as a map: quote the value if the colon is part ' +
        `of it (--set "serving.stack='vllm: 1'"))`
    ],
    [
      "serving.hardware={a: 1}",
      "--set: serving.hardware: a map, not a single value: expected a single id of data/hardware.csv, such as " +
        "h100-sxm, found {a: 1} (a map) (YAML reads { } as a map, which only a " +
        "distribution is written as, and serving.hardware cannot be one: write one value)"
    ],
    [
      // Two values in brackets for a key that may be uncertain: the interval meant, in the file's notation. Dropping
      // the brackets (0.4, 0.6) or quoting them ('[0.4, 0.6]') reads no better (breaker).
      "serving.utilization=[0.4, 0.6]",
      "--set: serving.utilization: a list, not a single value: expected a single value: a fraction like 0.35 or 35%, " +
        'found [0.4, 0.6] (a list) (YAML reads [ ] as a list: a 90% interval is written with "to" ' +
        "(--set 'serving.utilization=0.4 to 0.6'))"
    ],
    [
      // Several values for a key that takes one: --set takes one value, a list is not a batch. It was told to drop the
      // brackets or quote the value, neither of which reads (helper item). 32 to 64 in 2 steps is sweep's 32:64:2.
      "serving.batch=[32, 64]",
      "--set: serving.batch: a list, not a single value: expected a single value: a whole number: a count like 16384, " +
        "16k, 1.5M or 2B, found [32, 64] (a list) (--set takes one value: to try several, sweep --vary " +
        "serving.batch=32:64:2, or one run per value (--set serving.batch=32, then --set serving.batch=64))"
    ],
    [
      // Not evenly spaced (16 to 64 is 48, 64 to 256 is 192): no sweep gives these three, so one run per value.
      "serving.batch=[16, 64, 256]",
      "found [16, 64, 256] (a list) (--set takes one value: to try several, one run per value " +
        "(--set serving.batch=16, then --set serving.batch=64, …))"
    ],
    [
      // An id key: --vary runs over numbers only (readSweepAxis: "not a numeric key"), so one run per value.
      "serving.hardware=[h100-sxm, h200-sxm]",
      "found [h100-sxm, h200-sxm] (a list) (--set takes one value: to try several, one run per value " +
        "(--set serving.hardware=h100-sxm, then --set serving.hardware=h200-sxm))"
    ],
    [
      // A value repeated is offered once: it read "one run per value (--set serving.batch=32, then --set
      // serving.batch=32, …)". 32 and 64 left are sweep's 32:64:2.
      "serving.batch=[32, 32, 64]",
      "found [32, 32, 64] (a list) (--set takes one value: to try several, sweep --vary serving.batch=32:64:2, or " +
        "one run per value (--set serving.batch=32, then --set serving.batch=64))"
    ],
    [
      // One value twice is one value: the brackets dropped give it.
      "serving.batch=[64, 64]",
      "found [64, 64] (a list) (YAML reads [ ] as a list: drop the brackets (--set serving.batch=64), or quote the value"
    ],
    [
      // Lists in a list are no values to run one by one: it offered "--set serving.batch=[32, 64]", a list again.
      "serving.batch=[[32, 64], [1]]",
      "found [[32, 64], [1]] (a list) (YAML reads [ ] as a list: drop the brackets, or quote the value"
    ]
  ])("says %s is a YAML list or map where the key takes a single value, and how to write it", (set, expected) => {
    expect(() => applyOverrides(resolved, [set], "--set", catalogIdsOf(loadCatalogs()))).toThrow(expected);
  });

  it.each([
    [
      // A choice key: fp8 and bf16 are each one of its choices (schema: bf16, fp16 or fp8). It read "not one of the
      // choices … found fp8,bf16", no word of --set taking one value (breaker).
      "serving.kvCache=fp8,bf16",
      "--set: serving.kvCache: a list, not a single value: expected a single value: one of bf16, fp16 or fp8, found " +
        "fp8,bf16 (values between commas) (--set takes one value: to try several, one run per value " +
        "(--set serving.kvCache=fp8, then --set serving.kvCache=bf16))"
    ],
    [
      // A fraction key, each part with its point, so no decimal comma: it read "not a number", no hint (breaker). Two
      // values are evenly spaced, so sweep's 0.5:0.6:2 gives them, as for [0.5, 0.6] without an interval.
      "serving.utilization=0.5,0.6",
      "--set: serving.utilization: a list, not a single value: expected a single value: a fraction like 0.35 or 35%, " +
        "found 0.5,0.6 (values between commas) (--set takes one value: to try several, sweep --vary " +
        "serving.utilization=0.5:0.6:2, or one run per value (--set serving.utilization=0.5, then " +
        "--set serving.utilization=0.6))"
    ],
    [
      // A whole-number key: 32.64 is no batch, so not a decimal comma. It read "written 32.64 with a decimal point,
      // it is refused too" (breaker). The same hint as [32, 64] (above): 32 to 64 in 2 steps is sweep's 32:64:2.
      "serving.batch=32,64",
      "--set: serving.batch: a list, not a single value: expected a single value: a whole number: a count like 16384, " +
        "16k, 1.5M or 2B, found 32,64 (values between commas) (--set takes one value: to try several, sweep --vary " +
        "serving.batch=32:64:2, or one run per value (--set serving.batch=32, then --set serving.batch=64))"
    ],
    [
      // Evenly spaced in percent (0.5, 0.6, 0.7) and in money ($10k, $20k, $30k): sweep's axis, quoted for the shell
      // where `$` needs it. They were told one run per value, only plain numbers compared (breaker).
      "serving.utilization=50%,60%,70%",
      "found 50%,60%,70% (values between commas) (--set takes one value: to try several, sweep --vary " +
        "serving.utilization=50%:70%:3, or one run per value"
    ],
    [
      "silicon.unitCost=$10k,$20k,$30k",
      "found $10k,$20k,$30k (values between commas) (--set takes one value: to try several, sweep --vary " +
        "'silicon.unitCost=$10k:$30k:3', or one run per value"
    ],
    [
      // Spaces after the commas, as a quoted value has them; an id key, one run per value as for [h100-sxm, h200-sxm].
      "serving.hardware=h100-sxm, h200-sxm",
      "found h100-sxm, h200-sxm (values between commas) (--set takes one value: to try several, one run per value " +
        "(--set serving.hardware=h100-sxm, then --set serving.hardware=h200-sxm))"
    ],
    [
      // One value twice is one value, written once.
      "serving.kvCache=fp8,fp8",
      "found fp8,fp8 (values between commas) (--set takes one value: write it once (--set serving.kvCache=fp8))"
    ]
  ])("says %s, values between commas, is a list where --set takes one value (breaker)", (set, expected) => {
    expect(() => applyOverrides(resolved, [set], "--set", catalogIdsOf(loadCatalogs()))).toThrow(expected);
  });

  it.each([
    // A comma that begins the value is no YAML: it read "malformed value" and no more (helper item).
    [
      "serving.batch=,64",
      "--set: serving.batch: malformed value: expected a whole number: a count like 16384, 16k, 1.5M or 2B, found ,64 " +
        "(a comma separates the values of a list, and --set takes one value: did you mean --set serving.batch=64?)"
    ],
    // A comma that ends it read "not a number" and no more.
    [
      "serving.batch=64,",
      "--set: serving.batch: not a number: expected a whole number: a count like 16384, 16k, 1.5M or 2B, found 64, " +
        "(a comma separates the values of a list, and --set takes one value: did you mean --set serving.batch=64?)"
    ],
    // Two commas together between two values, a slip in a list: regrouped, it was offered "did you mean 3,264?"
    // (breaker); now the hint a list gets (32 to 64 in 2 steps is sweep's 32:64:2).
    [
      "serving.batch=32,,64",
      "found 32,,64 (--set takes one value: to try several, sweep --vary serving.batch=32:64:2, or one run per " +
        "value (--set serving.batch=32, then --set serving.batch=64))"
    ],
    // Two values besides the stray comma: the hint a list gets (64 to 128 in 2 steps is sweep's 64:128:2).
    [
      "serving.batch=,64,128",
      "found ,64,128 (--set takes one value: to try several, sweep --vary serving.batch=64:128:2, or one run per " +
        "value (--set serving.batch=64, then --set serving.batch=128))"
    ]
  ])("says %s, a comma at an end, is a list begun or ended by mistake, and offers the value", (set, expected) => {
    expect(() => applyOverrides(resolved, [set], "--set", catalogIdsOf(loadCatalogs()))).toThrow(expected);
  });

  it("leaves to the number's own hints a comma a decimal comma or misplaced thousands explain, not a list", () => {
    // A key that need not be whole, commas only between digits and no point: the decimal comma is the likelier
    // reading (0,5 is 0.5, not 0 then 5). Its hint is the one quantity.ts gives (misgroupedNumber).
    expect(() => applyOverrides(resolved, ["serving.utilization=0,5"])).toThrow(
      "--set: serving.utilization: not a number: expected a fraction like 0.35 or 35%, found 0,5 (a decimal is " +
        "written with a point, not a comma: did you mean 0.5?)"
    );
    // An interval written with decimal commas is one value, not values between commas.
    expect(() => applyOverrides(resolved, ["serving.utilization=0,5 to 0,8"])).toThrow(
      "found 0,5 to 0,8 (a decimal is written with a point, not a comma: did you mean `0.5 to 0.8`?)"
    );
    // $1 and $2,000 each read as money, but a comma before four digits is offered as a decimal comma first (below).
    expect(() => applyOverrides(resolved, ["silicon.unitCost=$1,2000"])).toThrow("did you mean $1.2000?");
    // Digits grouped in threes read as one number, a count's 1,000 (then too large a batch, once evaluated).
    expect(applyOverrides(resolved, ["serving.batch=1,000"]).values["serving.batch"]?.value).toBe(1000);
  });

  it("leaves a distribution's map to a key that takes one, and to readValue's refusal for one that cannot", () => {
    expect(applyOverrides(resolved, ["serving.utilization={dist: uniform, min: 0.4, max: 0.6}"]).values).toHaveProperty(
      ["serving.utilization", "value", "kind"],
      "uniform"
    );
    expect(() => applyOverrides(resolved, ["serving.batch={dist: uniform, min: 8, max: 16}"])).toThrow(
      "--set: serving.batch: cannot be a distribution: "
    );
  });

  it("offers an id written with spaces, underscores or fullwidth letters its catalog spelling, still refused", () => {
    const ids = catalogIdsOf(loadCatalogs());
    const hint = (written: string) => {
      try {
        applyOverrides(resolved, [`serving.hardware=${written}`], "--set", ids);
      } catch (error) {
        const [first] = (error as UserErrors).errors;
        expect(first!.detail).toMatchObject({message: "not a catalog id", found: written});
        return first!.detail.hint;
      }
      expect.unreachable(`${written} was taken as an id`);
    };
    // Exact ids of data/hardware.csv once lowercased, spaces and underscores made hyphens, NFKC applied: each had no
    // hint ("found h100 sxm", "found ｈ１００").
    expect(hint("h100 sxm")).toBe("did you mean h100-sxm?");
    expect(hint("H100_SXM")).toBe("did you mean h100-sxm?");
    expect(hint("ｈ１００－ｓｘｍ")).toBe("did you mean h100-sxm?");
    // ｈ１００ is h100, no id: the ids an unknown h100 is offered (didYouMeanHint), h100-sxm first (its family).
    expect(hint("ｈ１００")).toBe(didYouMeanHint("h100", ids.hardware));
    expect(hint("ｈ１００")).toMatch(/^did you mean 'h100-sxm', /);
  });

  it("names a second = as such, not as a wrong unit of the value (breaker: found 0.5=0.6 read as a unit)", () => {
    expect(() => applyOverrides(resolved, ["serving.utilization=0.5=0.6"])).toThrow(
      "--set: serving.utilization: a second =: expected path=value, one = between key and value, like " +
        "serving.utilization=0.7, found serving.utilization=0.5=0.6"
    );
  });

  it("shows a line break in a value escaped, as a carriage return is, not folded to a space (breaker: found 1 2)", () => {
    expect(() => applyOverrides(resolved, ["serving.utilization=1\n2"])).toThrow(
      'serving.utilization: wrong unit: expected a fraction like 0.35 or 35%, found "1\\n2"'
    );
    expect(() => applyOverrides(resolved, ["serving.utilization=1\r\n2"])).toThrow('found "1\\r\\n2"');
    expect(() => applyOverrides(resolved, ["serving.utilization=1\r2"])).toThrow('found "1\\r2"');
  });

  it("offers for a misplaced separator only a value the key takes, else says the offer is refused too (breaker)", () => {
    // $12,000k is $12M, above a chip's price range: it was offered all the same.
    expect(() => applyOverrides(resolved, ["hardware.price=$1234,567k"])).toThrow(
      "--set: hardware.price: not a number: expected an amount of money in USD, kUSD, MUSD or BUSD, or written like " +
        "$40k, $500M, $1.2B, found $1234,567k (written $1,234,567k with digits grouped in threes, it is refused too: " +
        "out of range, expected an amount of money in [$1, $10M])"
    );
    // Groups of three and a last comma before two digits: a decimal comma, likelier than $120,000 (breaker).
    expect(() => applyOverrides(resolved, ["hardware.price=$1,200,00"])).toThrow(
      "--set: hardware.price: not a number: expected an amount of money in USD, kUSD, MUSD or BUSD, or written like " +
        "$40k, $500M, $1.2B, found $1,200,00 (a decimal is written with a point, not a comma: did you mean $1,200.00?)"
    );
    // Where the key refuses the decimal (a batch is whole) but takes the digits regrouped, those are offered.
    expect(() => applyOverrides(resolved, ["serving.batch=9,000,50"])).toThrow(
      "--set: serving.batch: not a number: expected a whole number: a count like 16384, 16k, 1.5M or 2B, found " +
        "9,000,50 " +
        "(digits are grouped in threes: did you mean 900,050?)"
    );
  });

  it("tells a minus typed as an en dash or a hyphen to write an ASCII one, checked against the key (breaker)", () => {
    expect(() => applyOverrides(resolved, ["demand.growthPerYear=\u20135%"])).toThrow(
      '--set: demand.growthPerYear: not a number: expected a rate per year like 0.1, 0.1/yr or 10%/yr, found "\\u20135%" ' +
        "(write it with an ASCII hyphen-minus: -5%)"
    );
    expect(() => applyOverrides(resolved, ["serving.costDeclinePerYear=\u20105%"])).toThrow(
      'found "\\u20105%" (written -5% with an ASCII hyphen-minus, it is refused too: out of range, expected a rate per ' +
        "year in [0%/yr, 100%/yr])"
    );
  });

  it("reads an en dash after a dollar as a sign, not as the tables' range with a low end of $ (breaker)", () => {
    expect(() => applyOverrides(resolved, ["hardware.price=$\u20135"])).toThrow(
      "--set: hardware.price: not a number: expected an amount of money in USD, kUSD, MUSD or BUSD, or written like " +
        '$40k, $500M, $1.2B, found "$\\u20135" (written -$5 with an ASCII hyphen-minus, it is refused too: out of ' +
        "range, expected an amount of money in [$1, $10M])"
    );
  });

  it("keeps in written a value without the line breaks or spaces at its ends that its reading trims (breaker)", () => {
    for (const set of ['hardware.price="$12,000\\r"', 'hardware.price="$12,000\\n"', "hardware.price=|\n  $12,000\n"])
      expect(applyOverrides(resolved, [set]).values["hardware.price"], set).toMatchObject({
        value: 12000,
        written: "$12,000"
      });
  });

  it("offers a comma before four digits as a decimal comma first (`$1,2000`: `$1.2000`, then `$12,000`)", () => {
    expect(() => applyOverrides(resolved, ["silicon.unitCost=$1,2000"])).toThrow(
      "--set: silicon.unitCost: not a number: expected an amount of money in USD, kUSD, MUSD or BUSD, or written like " +
        "$40k, $500M, $1.2B, found $1,2000 (a decimal is written with a point, not a comma: did you mean $1.2000?)"
    );
  });

  it("refuses a number whose first group has a leading zero, read as thousands with exit 0 (breaker)", () => {
    const money = "expected an amount of money in USD, kUSD, MUSD or BUSD, or written like $40k, $500M, $1.2B";
    const cases: [string, string][] = [
      [
        "demand.tokensPerUserPerDay=0,500k",
        "--set: demand.tokensPerUserPerDay: not a number: expected a number of tokens like 4096, 1e6, 32k tokens or " +
          "15T tokens, found 0,500k (a decimal is written with a point, not a comma: did you mean 0.500k?)"
      ],
      [
        "silicon.unitCost=$0,020k",
        `--set: silicon.unitCost: not a number: ${money}, found $0,020k ` +
          "(a decimal is written with a point, not a comma: did you mean $0.020k?)"
      ],
      [
        "silicon.unitCost=$012,000",
        `--set: silicon.unitCost: not a number: ${money}, found $012,000 ` +
          "(a decimal is written with a point, not a comma: did you mean $12.000?)"
      ],
      [
        "hardware.price=$00,012",
        `--set: hardware.price: not a number: ${money}, found $00,012 (written $0.012 with a decimal point, it is ` +
          "refused too: out of range, expected an amount of money in [$1, $10M])"
      ]
    ];
    for (const [set, message] of cases) expect(() => applyOverrides(resolved, [set]), set).toThrow(message);
  });

  it("offers the point for a decimal comma outside groups of three, both ends of a range (breaker)", () => {
    expect(() => applyOverrides(resolved, ["power.electricity=0,0826"])).toThrow(
      "--set: power.electricity: not a number: expected an electricity price in USD/kWh, USD/MWh or $/kWh, found " +
        "0,0826 (a decimal is written with a point, not a comma: did you mean 0.0826?)"
    );
    expect(() => applyOverrides(resolved, ["power.pue=1,2"])).toThrow(
      "(a decimal is written with a point, not a comma: did you mean 1.2?)"
    );
    expect(() => applyOverrides(resolved, ["serving.utilization=0,45 to 0,75"])).toThrow(
      "--set: serving.utilization: not a number: expected a fraction like 0.35 or 35%, found 0,45 to 0,75 " +
        "(a decimal is written with a point, not a comma: did you mean `0.45 to 0.75`?)"
    );
  });

  it("says a trailing dash leaves an interval without an end, and `%%` one % (breaker: did you mean 45 %?)", () => {
    for (const value of ["45%\u2013", "45%-"])
      expect(() => applyOverrides(resolved, [`serving.utilization=${value}`]), value).toThrow(
        "--set: serving.utilization: an interval missing an end: expected a 90% interval `low to high`, or a single " +
          `value, found ${value === "45%-" ? value : '"45%\\u2013"'}`
      );
    expect(() => applyOverrides(resolved, ["serving.utilization=75%%"])).toThrow(
      "--set: serving.utilization: wrong unit: expected a fraction like 0.35 or 35%, found 75%% (write one %: 75%)"
    );
  });

  it("tells an interval of bare percentages its % on each end, as a single value is told (tester: no hint)", () => {
    expect(() => applyOverrides(resolved, ["serving.utilization=50 to 70"])).toThrow(
      "--set: serving.utilization: out of range: expected a fraction in [0.01, 1], or a percentage in [1%, 100%], " +
        "found 50 to 70 (did you mean 50% to 70%?)"
    );
    expect(() => applyOverrides(resolved, ["finance.costOfCapital=50"])).toThrow(
      "--set: finance.costOfCapital: out of range: expected a rate per year in [0%/yr, 100%/yr], found 50 " +
        "(did you mean 50%?)"
    );
  });

  it("keeps in written the value as the reader sees it, without YAML's quotes; the set as typed in origin", () => {
    expect(applyOverrides(resolved, ['silicon.nre="$1.2B"']).values["silicon.nre"]).toMatchObject({
      value: 1.2e9,
      written: "$1.2B",
      origin: {written: 'silicon.nre="$1.2B"'}
    });
  });
});
