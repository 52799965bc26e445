// One central statistic per quantity (issue #13): `token-ledger run` with its defaults prints the figures the static
// site shows for the same scenario — the same draws (same count, same seed), so the same median and 90% band.
import {describe, expect, it} from "vitest";
import {buildSiteData} from "../../src/node/siteData.js";
import {runCli} from "./runCli.js";

describe("run and the site", () => {
  it("give the same median and band for every metric of a scenario with uncertain inputs", async () => {
    const {code, stdout, stderr} = await runCli(["run", "asic-9-months", "--json"]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const cli = JSON.parse(stdout);
    const site = buildSiteData().scenarios["asic-9-months"]!.report;
    expect(cli.monteCarlo).toEqual(site.monteCarlo);
    expect(cli.metrics).toEqual(site.metrics);
    // Not vacuous: the scenario's NPV is uncertain, so a different draw count would move its band.
    expect(cli.metrics.siliconNpvUsd.p95).toBeGreaterThan(cli.metrics.siliconNpvUsd.p5);
  });
});
