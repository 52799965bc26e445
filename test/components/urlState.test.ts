import {describe, expect, it} from "vitest";
import {UserError} from "../../src/errors/userError.js";
import {resolveScenario} from "../../src/scenario/resolve/resolveScenario.js";
import {scenarioIndex} from "../../src/scenario/resolve/scenarioIndex.js";
import {
  applyShareSets,
  formatShareSet,
  MAX_SET_LENGTH,
  MAX_SHARE_SETS,
  mergeSets,
  parseShareQuery,
  shareQuery,
  shareUrl
} from "../../docs/components/urlState.js";
import {parseFixture} from "../scenario/helpers.js";

const index = scenarioIndex(["base.md", "child.md"].map(parseFixture));
const base = resolveScenario("base", index.lookup, index.ids);

describe("parseShareQuery", () => {
  it("reads set parameters as path=value, in schema order", () => {
    const query = parseShareQuery("?set=power.electricity%3D0.05%20USD%2FkWh&set=serving.utilization%3D0.7");
    expect(query).toEqual({sets: ["serving.utilization=0.7", "power.electricity=0.05 USD/kWh"], ignored: []});
  });

  it("accepts URLSearchParams and an empty query", () => {
    expect(parseShareQuery(new URLSearchParams())).toEqual({sets: [], ignored: []});
    expect(parseShareQuery("")).toEqual({sets: [], ignored: []});
  });

  it("keeps the last of repeated keys and reports the earlier ones", () => {
    const query = parseShareQuery("set=serving.utilization=0.5&set=serving.utilization=0.8");
    expect(query.sets).toEqual(["serving.utilization=0.8"]);
    expect(query.ignored).toEqual([
      {set: "serving.utilization=0.5", reason: "repeated key serving.utilization: only its last set is read"}
    ]);
  });

  it("does not call a repeat ignored when it gives the value that is read (it said the page showed neither)", () => {
    const query = parseShareQuery(
      "set=serving.utilization=0.8&set=serving.utilization=0.5&set=serving.utilization=0.8"
    );
    expect(query.sets).toEqual(["serving.utilization=0.8"]);
    // 0.5 is the one value not read; 0.8, given twice, is.
    expect(query.ignored).toEqual([
      {set: "serving.utilization=0.5", reason: "repeated key serving.utilization: only its last set is read"}
    ]);
    expect(parseShareQuery("set=serving.utilization=0.8&set=serving.utilization= 0.8")).toEqual({
      sets: ["serving.utilization=0.8"],
      ignored: []
    });
  });

  it("compares a repeat's value as read, not as written, and lists an earlier value once (breaker)", () => {
    // 0.5 and 50% are one value: 0.5 was listed as ignored beside a page that showed 50%.
    expect(parseShareQuery("set=serving.utilization=0.5&set=serving.utilization=50%25")).toEqual({
      sets: ["serving.utilization=50%"],
      ignored: []
    });
    // 0.5 given twice before 0.6 was listed twice, the same line.
    expect(
      parseShareQuery("set=serving.utilization=0.5&set=serving.utilization=50%25&set=serving.utilization=0.6")
    ).toEqual({
      sets: ["serving.utilization=0.6"],
      ignored: [
        {
          set: "serving.utilization=0.5",
          reason: "repeated key serving.utilization: only its last set is read (this value set twice)"
        }
      ]
    });
    // A value that does not read is compared as written.
    expect(
      parseShareQuery("set=serving.utilization=x&set=serving.utilization=x&set=serving.utilization=0.6").ignored
    ).toEqual([
      {
        set: "serving.utilization=x",
        reason: "repeated key serving.utilization: only its last set is read (this value set twice)"
      }
    ]);
  });

  it("ignores unknown keys with the --set error message and a suggestion", () => {
    const query = parseShareQuery("set=serving.utilisation=0.7");
    expect(query.sets).toEqual([]);
    expect(query.ignored).toHaveLength(1);
    // The notice prints the setting before its reason, so the reason names neither the link ("URL:") nor the key.
    expect(query.ignored[0]?.reason).toMatch(/^unknown key: expected a scenario key path/);
    expect(query.ignored[0]?.reason).toMatch(/did you mean serving\.utilization/);
  });

  // `serving.batch%ZZ=4` read as an unknown key `serving.batch%ZZ`, `%E0%A4` (a character cut short) "missing ="
  // (tester).
  it("ignores a set with malformed %-encoding, quoting the bad escape; a % before no letter or digit is a %", () => {
    const query = parseShareQuery("?set=serving.batch%ZZ=4&set=%E0%A4&set=power.pue%3D1.3&set=serving.batch%3D6%804");
    expect(query).toEqual({
      sets: ["power.pue=1.3"],
      ignored: [
        {set: "serving.batch%ZZ=4", reason: "malformed %-encoding: expected % and two hex digits, found %ZZ"},
        {set: "%E0%A4", reason: "malformed %-encoding: expected %-escapes of whole UTF-8 characters, found %E0%A4"},
        {
          set: "serving.batch%3D6%804",
          reason: "malformed %-encoding: expected %-escapes of whole UTF-8 characters, found %80"
        }
      ]
    });
    // Typed by hand in the address bar, as URLSearchParams reads it.
    expect(parseShareQuery("?set=serving.utilization=70%&set=demand.growthPerYear=30%/yr").sets).toEqual([
      "serving.utilization=70%",
      "demand.growthPerYear=30%/yr"
    ]);
  });

  it("ignores a script tag as a key or a parameter name, returning it only as data", () => {
    const hostile = "<script>alert(1)</script>";
    const query = parseShareQuery(
      `?set=${encodeURIComponent(hostile)}&${encodeURIComponent(hostile)}=1&set=${encodeURIComponent(`${hostile}=1`)}`
    );
    expect(query.sets).toEqual([]);
    expect(query.ignored.map((i) => i.set)).toEqual([hostile, `${hostile}=1`, `${hostile}=1`]);
    expect(query.ignored[0]?.reason).toMatch(/missing =/);
    expect(query.ignored[1]?.reason).toMatch(/unknown parameter/);
    expect(query.ignored[2]?.reason).toMatch(/unknown key/);
  });

  it("ignores overlong sets and sets beyond the limit", () => {
    const long = `serving.utilization=${"9".repeat(MAX_SET_LENGTH)}`;
    const query = parseShareQuery(new URLSearchParams([["set", long]]));
    expect(query.sets).toEqual([]);
    expect(query.ignored[0]?.reason).toMatch(/too long/);
    expect(query.ignored[0]?.set.length).toBe(MAX_SET_LENGTH + 1);
    const many = new URLSearchParams(
      Array.from({length: MAX_SHARE_SETS + 3}, () => ["set", "serving.utilization=0.5"] as [string, string])
    );
    expect(parseShareQuery(many).ignored.filter((i) => /too many/.test(i.reason))).toHaveLength(3);
  });
});

describe("applyShareSets", () => {
  it("applies valid sets as overrides from the URL", () => {
    const state = applyShareSets(base, ["serving.utilization=70%", "power.electricity=0.05 USD/kWh"]);
    expect(state.ignored).toEqual([]);
    expect(state.applied).toEqual(["serving.utilization=70%", "power.electricity=0.05 USD/kWh"]);
    expect(state.resolved.values["serving.utilization"]?.value).toBeCloseTo(0.7, 12);
    expect(state.resolved.values["serving.utilization"]?.origin).toEqual({
      kind: "override",
      flag: "URL",
      written: "serving.utilization=70%",
      // The value it took the place of: base's 45–75% (a distribution).
      replaced: base.values["serving.utilization"]?.value
    });
    expect(base.values["serving.utilization"]?.origin.kind).not.toBe("override");
  });

  it.each([
    ["a bad unit", "power.electricity=5 W", /^wrong unit: expected an electricity price in USD\/kWh/],
    ["an out-of-range value", "serving.utilization=1.5", /^out of range: expected a fraction in \[0\.01, 1\]/],
    ["a huge number", "serving.utilization=1e999", /^out of range: expected a fraction in \[0\.01, 1\]/],
    ["a huge number past a finite range", "silicon.designCycle=1e308 months", /^out of range: /],
    ["a script tag in a value", "serving.utilization=<script>alert(1)</script>", /^not a number: /],
    ["malformed YAML", "serving.utilization={dist: ]}", /^malformed value: /],
    // It read "malformed value"; closed, it would still not read, so no closed form is offered.
    [
      "YAML left open",
      "serving.utilization={dist: [",
      /^an unclosed map: expected a \} to close the \{, found \{dist: \[$/
    ],
    ["a YAML alias bomb", "serving.utilization=*a", /^malformed value: /]
  ])("ignores %s with the UserError message and applies the rest", (_, bad, reason) => {
    const state = applyShareSets(base, [bad, "power.pue=1.3"]);
    expect(state.applied).toEqual(["power.pue=1.3"]);
    expect(state.ignored).toHaveLength(1);
    expect(state.ignored[0]?.set).toBe(bad);
    // The notice prints the setting, then its reason: the message without "URL:" and the key it already shows.
    expect(state.ignored[0]?.reason).toMatch(reason);
  });

  it("gives a line break in a link's value escaped in the notice's reason, not folded to a space (breaker)", () => {
    const state = applyShareSets(base, ["serving.utilization=1\n2"]);
    expect(state.ignored[0]?.reason).toBe('wrong unit: expected a fraction like 0.35 or 35%, found "1\\n2"');
  });

  // A link's values between commas read "not one of the choices … found fp8,bf16" (and 32,64 "not a number"), where
  // --set serving.kvCache=fp8,bf16 is told it is a list and how to try several; a bracketed list was told to drop the
  // brackets or quote the value, neither of which reads. One check (applyOverrides' commaListError and collectionError)
  // for both, its hint in a link's words: one link per value, each set as the link writes it (set=path=value).
  it("tells values between commas or in brackets as a list, with one link per value to try several", () => {
    const state = applyShareSets(base, ["serving.kvCache=fp8,bf16", "serving.batch=[32, 64]"]);
    expect(state.ignored.map((ignored) => ignored.reason)).toEqual([
      "a list, not a single value: expected a single value: one of bf16, fp16 or fp8, found fp8,bf16 (values between " +
        "commas) (a link sets one value per key: to try several, one link per value (set=serving.kvCache=fp8, then " +
        "set=serving.kvCache=bf16))",
      "a list, not a single value: expected a single value: a whole number: a count like 16384, 16k, 1.5M or 2B, " +
        "found [32, 64] (a list) (a link sets one value per key: to try several, one link per value " +
        "(set=serving.batch=32, then set=serving.batch=64))"
    ]);
  });

  // A list left open read "malformed value: … found [32, 64": told as unclosed, with the hint the closed list gets
  // (above), as --set's (applyOverrides' unclosedBrackets for both).
  it("tells a list left open as unclosed, with the closed list's hint", () => {
    const state = applyShareSets(base, ["serving.batch=[32, 64"]);
    expect(state.ignored.map((ignored) => ignored.reason)).toEqual([
      "an unclosed list: expected a ] to close the [, found [32, 64 (a link sets one value per key: to try several, " +
        "one link per value (set=serving.batch=32, then set=serving.batch=64))"
    ]);
  });

  // A link's list of one value offered the set without its `set=` (serving.batch=32), as a --set hint wrote it, and a
  // 90% interval's likewise; each set a link's hint offers is written as the link writes it.
  it("offers a list's one value, its quoted text and an interval as a link writes them (set=path=value)", () => {
    const state = applyShareSets(base, ["serving.batch=[32", "serving.utilization=[0.4, 0.6]"]);
    expect(state.ignored.map((ignored) => ignored.reason)).toEqual([
      "an unclosed list: expected a ] to close the [, found [32 (YAML reads [ ] as a list: drop the brackets " +
        "(set=serving.batch=32), or quote the value if they are part of it (set=serving.batch='[32]'))",
      "a list, not a single value: expected a single value: a fraction like 0.35 or 35%, found [0.4, 0.6] (a list) " +
        '(YAML reads [ ] as a list: a 90% interval is written with "to" (set=serving.utilization=0.4 to 0.6))'
    ]);
  });

  // A byte-order mark in a link's value was trimmed away, by parseShareQuery and applyOverrides alike, and the value
  // read (serving.utilization=\uFEFF0.55 as 0.55), where a flag's value and a scenario file refuse it (breaker).
  it("ignores a set with a byte-order mark in its value or key, the mark shown escaped", () => {
    const query = parseShareQuery(`?set=${encodeURIComponent("serving.utilization=\uFEFF0.55")}`);
    expect(query.sets).toEqual(["serving.utilization=\uFEFF0.55"]);
    const hint = "(a byte-order mark (U+FEFF), invisible in most editors, is in the value: remove it)";
    const state = applyShareSets(base, [...query.sets, "serving.batch=64\uFEFF", "power.pue=1.3"]);
    expect(state.applied).toEqual(["power.pue=1.3"]);
    expect(state.ignored.map((ignored) => ignored.reason)).toEqual([
      `invisible character: expected a value with no byte-order mark, found "\\ufeff0.55" ${hint}`,
      `invisible character: expected a value with no byte-order mark, found "64\\ufeff" ${hint}`
    ]);
    // In the key, the link's set is not taken for serving.utilization's.
    const key = parseShareQuery(`?set=${encodeURIComponent("\uFEFFserving.utilization=0.55")}`);
    expect(key.sets).toEqual([]);
    expect(key.ignored[0]?.reason).toMatch(
      /^serving\.utilization: invisible character: .* found "\\ufeffserving\.utilization=0\.55"/
    );
  });

  it("ignores a set that the check rejects, with the check's message", () => {
    const state = applyShareSets(base, ["serving.batch=100000", "power.pue=1.3"], {
      check: (resolved) => {
        if (resolved.values["serving.batch"]?.value === 100000) {
          throw new UserError({path: "serving.batch", message: "does not fit", expected: "a smaller batch"});
        }
      }
    });
    expect(state.applied).toEqual(["power.pue=1.3"]);
    expect(state.ignored).toEqual([{set: "serving.batch=100000", reason: "does not fit: expected a smaller batch"}]);
  });
});

describe("shareQuery", () => {
  it("writes one set parameter per set, in schema order, and round-trips through parseShareQuery", () => {
    const sets = ["power.electricity=0.05 USD/kWh", "serving.utilization=70%", "silicon.nre=$150M"];
    const query = shareQuery(sets);
    expect(query).toBe(
      "?set=serving.utilization%3D70%25&set=power.electricity%3D0.05+USD%2FkWh&set=silicon.nre%3D%24150M"
    );
    expect(parseShareQuery(query)).toEqual({sets: mergeSets(sets), ignored: []});
  });

  it("is empty for no change", () => {
    expect(shareQuery([])).toBe("");
  });
});

describe("shareUrl", () => {
  it("keeps the page's path and hash and replaces its query", () => {
    const location = new URL("https://example.org/scenarios/base?set=power.pue%3D1.2#share") as unknown as Location;
    expect(shareUrl(["serving.utilization=70%"], location)).toBe(
      "https://example.org/scenarios/base?set=serving.utilization%3D70%25#share"
    );
    expect(shareUrl([], location)).toBe("https://example.org/scenarios/base#share");
  });
});

describe("formatShareSet and mergeSets", () => {
  it("writes a base-unit value in the file notation that applyOverrides reads back", () => {
    for (const [path, value] of [
      ["serving.utilization", 0.7],
      ["power.electricity", 0.0826],
      ["finance.costOfCapital", 0.125],
      ["silicon.designCycle", 9],
      ["silicon.nre", 150e6],
      ["demand.agentMultiplier", 12.5]
    ] as const) {
      const set = formatShareSet(path, value);
      const state = applyShareSets(base, [set]);
      expect(state.ignored, set).toEqual([]);
      expect(state.resolved.values[path]?.value, set).toBeCloseTo(value, 12);
    }
  });

  it("lets a later set replace an earlier one for the same key", () => {
    expect(mergeSets(["power.pue=1.3", "serving.utilization=0.5"], ["serving.utilization=0.9"])).toEqual([
      "serving.utilization=0.9",
      "power.pue=1.3"
    ]);
  });
});

describe("parseShareQuery and tracking parameters", () => {
  it("passes over the tracking parameters social sites and shorteners append, and lists any other unknown one", () => {
    // A link as LinkedIn, Facebook, Google Ads and Mailchimp hand it on: each of these was listed "unknown
    // parameter …: expected set" in the notice above the page (helper item). The names are TRACKING_PARAMS' and utm_'s.
    const query = parseShareQuery(
      "?set=serving.batch%3D64&utm_source=linkedin&utm_medium=social&utm_campaign=launch&utm_term=tokens" +
        "&utm_content=post&fbclid=IwAR0abc&gclid=Cj0KCQ&mc_eid=5f3a&li_fat_id=9b2c&trk=public_post&UTM_Source=x" +
        "&frob=1"
    );
    expect(query.sets).toEqual(["serving.batch=64"]);
    expect(query.ignored).toEqual([{set: "frob=1", reason: "unknown parameter frob: expected set"}]);
    // Parsed as URLSearchParams too, as a page passes it.
    expect(parseShareQuery(new URLSearchParams("utm_source=linkedin&fbclid=x")).ignored).toEqual([]);
  });

  it("keeps the notice for a parameter that only looks like one", () => {
    // Not on the list: a name that starts like one but is another word, and `utm` without its underscore.
    const names = parseShareQuery("?fbclidx=1&utm=1&gclid_extra=1").ignored.map((item) => item.set);
    expect(names).toEqual(["fbclidx=1", "utm=1", "gclid_extra=1"]);
  });
});

describe("parseShareQuery's reason for an unknown parameter", () => {
  it("offers the parameter meant: set for an upper-case or misspelt name, set=KEY=VALUE for a key used as one", () => {
    // Breaker: `?SET=serving.batch%3D64` was told only "expected set", where a bad value is offered its closest value.
    const reasons = (query: string) => parseShareQuery(query).ignored.map((item) => item.reason);
    expect(reasons("?SET=serving.batch%3D64&Set=power.pue%3D1.3&sets=serving.batch%3D64")).toEqual([
      "unknown parameter SET: expected set (did you mean set, in lower case?)",
      "unknown parameter Set: expected set (did you mean set, in lower case?)",
      // One letter from `set` (closestMatch: a Levenshtein distance of 1).
      "unknown parameter sets: expected set (did you mean set?)"
    ]);
    // A scenario key as the parameter's name, as written or misspelt (serving.bach: one letter from serving.batch).
    expect(reasons("?serving.batch=64&serving.bach=64&SERVING.BATCH=64")).toEqual([
      "unknown parameter serving.batch: expected set (did you mean set=serving.batch=64?)",
      "unknown parameter serving.bach: expected set (did you mean set=serving.batch=64?)",
      "unknown parameter SERVING.BATCH: expected set (did you mean set=serving.batch=64?)"
    ]);
    // A whole set %-encoded, its first = too, is offered as it is, not with its value dropped (breaker: it read
    // "did you mean set=serving.batch=?"); a key with no value is offered a place for one, not a set of nothing.
    expect(reasons("?set%3Dserving.batch%3D64&set%3Dserving.bach=64&serving.batch&serving.bach=")).toEqual([
      "unknown parameter set=serving.batch=64: expected set (did you mean set=serving.batch=64, its first = not " +
        "%-encoded?)",
      "unknown parameter set=serving.bach: expected set (did you mean set=serving.batch=64, its first = not " +
        "%-encoded?)",
      "unknown parameter serving.batch: expected set (did you mean set=serving.batch=VALUE?)",
      "unknown parameter serving.bach: expected set (did you mean set=serving.batch=VALUE?)"
    ]);
    // Listed as the link has them: a name with no value by its name alone, not with an = after it.
    expect(parseShareQuery("?set%3Dserving.batch%3D64&serving.batch").ignored.map((item) => item.set)).toEqual([
      "set=serving.batch=64",
      "serving.batch"
    ]);
    // Nothing close: no guess.
    expect(reasons("?foo=1&x.y=1")).toEqual([
      "unknown parameter foo: expected set",
      "unknown parameter x.y: expected set"
    ]);
  });

  it("escapes a bidi mark and cuts a long name without splitting a character (breaker)", () => {
    const {ignored} = parseShareQuery(
      `?${encodeURIComponent("\u202eevil")}=1&${"a".repeat(39)}${encodeURIComponent("😀")}=1`
    );
    expect(ignored[0]!.reason).toBe('unknown parameter "\\u202eevil": expected set');
    expect(ignored[1]!.reason).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
    expect(ignored[1]!.reason).toMatch(/^unknown parameter a{39}… \(41 characters\): expected set$/);
  });
});
