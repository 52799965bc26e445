import {describe, expect, it} from "vitest";
import {compareByOrigin} from "../../../src/scenario/resolve/originOrder.js";
import type {ValueOrigin} from "../../../src/scenario/resolve/resolveScenario.js";

const at = (scenario: string, line: number, column = 3): ValueOrigin => ({
  kind: scenario === "child" ? "file" : "parent",
  scenario,
  file: `${scenario}.md`,
  line,
  column
});

describe("compareByOrigin", () => {
  it("puts settings first, then the scenario's own file, its ancestors nearer first, each by line, defaults last", () => {
    const values = [
      {path: "power.pue", origin: {kind: "default"} as ValueOrigin},
      {path: "serving.batch", origin: at("grandparent", 4)},
      {path: "serving.hardware", origin: at("parent", 9)},
      {path: "serving.model", origin: at("child", 12)},
      {path: "serving.precision", origin: at("parent", 2)},
      {path: "demand.users", origin: {kind: "override", flag: "--set", written: "demand.users=1M"} as ValueOrigin},
      {path: "serving.utilization", origin: at("child", 5)},
      {path: "serving.stack", origin: {kind: "default"} as ValueOrigin},
      {path: "finance.costOfCapital", origin: {kind: "override", flag: "--set", written: "x"} as ValueOrigin}
    ];
    const sorted = [...values].sort(compareByOrigin(["child", "parent", "grandparent"])).map((v) => v.path);
    expect(sorted).toEqual([
      // Two settings: the schema's order (finance before demand).
      "finance.costOfCapital",
      "demand.users",
      "serving.utilization",
      "serving.model",
      "serving.precision",
      "serving.hardware",
      "serving.batch",
      // Defaults: the schema's order (serving.stack before power.pue).
      "serving.stack",
      "power.pue"
    ]);
  });

  it("puts settings in the order typed when given it (tester)", () => {
    const set = (path: string, written: string) => ({
      path,
      origin: {kind: "override", flag: "--set", written} as ValueOrigin
    });
    const values = [set("finance.costOfCapital", "finance.costOfCapital=0.1"), set("demand.users", "demand.users=1M")];
    const typed = ["demand.users=1M", "finance.costOfCapital=0.1"];
    expect([...values].sort(compareByOrigin(["child"], typed)).map((v) => v.path)).toEqual([
      "demand.users",
      "finance.costOfCapital"
    ]);
  });

  it("orders two keys on one line (a flow mapping) by column", () => {
    const a = {path: "serving.batch", origin: at("child", 7, 20)};
    const b = {path: "serving.hardware", origin: at("child", 7, 4)};
    expect([a, b].sort(compareByOrigin(["child"])).map((v) => v.path)).toEqual(["serving.hardware", "serving.batch"]);
  });
});
