import {describe, expect, it} from "vitest";
import {loaderData} from "../../src/node/loaderJson.js";

describe("loaderData", () => {
  it("passes data through and turns {problems} into one clear error naming the first problem", () => {
    expect(loaderData({report: 1}, "X")).toEqual({report: 1});
    expect(() => loaderData({problems: ["data/hardware.csv:3:9: hbm_tbps: not a number", "b"]}, "The chart")).toThrow(
      "The chart cannot be shown while data/ has errors (listed in the banner at the top): data/hardware.csv:3:9: hbm_tbps: not a number (and 1 more)"
    );
  });
});
