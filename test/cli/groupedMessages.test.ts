import {describe, expect, it} from "vitest";
import {oneErrorLine} from "./runCli.js";

/** Numbers of four digits or more written without their thousands grouped ("1013.5"). */
const UNGROUPED = /(?<![\d.,])\d{4,}/;

describe("numbers in messages have their thousands grouped", () => {
  it("writes the usable HBM of a batch too large for memory grouped, as the batch sizes beside it", async () => {
    // B200s at TP8 hold 1,013.5 GB after the weights: it read "1013.5 GB of usable HBM" beside "1,534" (trial).
    const line = await oneErrorLine(["run", "base", "--set", "serving.hardware=b200", "--set", "serving.batch=40960"]);
    expect(line).toContain("1,013.5 GB of usable HBM left after weights");
    expect(line).not.toMatch(UNGROUPED);
  });

  it("writes a custom chip's power bound grouped", async () => {
    const chip = "--peak-flops 1979e12 --chip-power 1500 --system-power 1200 --hbm-bandwidth 8";
    const line = await oneErrorLine(["inference", "--model", "llama-3.1-70b", ...chip.split(" ")]);
    expect(line).toContain("at least --chip-power (1,500 W), found 1200"); // the flag's value as typed
    expect(line.replace(/, found .*$/, "")).not.toMatch(UNGROUPED);
  });
});
