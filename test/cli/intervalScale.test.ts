import {describe, expect, it} from "vitest";
import {runCli} from "./runCli.js";

describe("run: a metric's median and interval", () => {
  it("writes the median and both ends of a money interval at one scale", async () => {
    // The fleet's day read "$1.24M [$952,206–$1.57M]" (new-user trial: base served on B200s).
    const {code, stdout} = await runCli(["run", "base", "--set", "serving.hardware=b200", "--set", "demand.users=80M"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/fleet cost of one day +\$1\.21M \[\$0\.929–1\.53M\]\n/);
    expect(stdout).toMatch(/silicon program NPV +\$1\.49B \[\$0\.794–2\.29B\]\n/);
    // No interval anywhere with a plain amount beside a scale word.
    expect(stdout).not.toMatch(/\[[^\]\n]*\$\d{1,3},[\d,]*–\$?[\d.]+[KMBT]\]/);
  });
});
