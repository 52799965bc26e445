// A catalog or measurement cell written as a scenario value or a datasheet writes a number (`７００`, `3,35`, `700W`,
// `80GB`, `$31,120`) read "not a number … (plain decimal, no units or thousands separators)" with no hint, where --set
// named each. Each is now offered the plain number the column takes, in its unit, and only one in its range.
import {describe, expect, it} from "vitest";
import {userErrorList} from "../../src/errors/userError.js";
import {HARDWARE_COLUMNS, parseHardwareCsv} from "../../src/catalog/parseHardwareCsv.js";
import {MEASUREMENT_COLUMNS, parseMeasurementsCsv} from "../../src/inference/calibration/parseMeasurementsCsv.js";
import {MODEL_COLUMNS, parseModelsCsv} from "../../src/catalog/parseModelsCsv.js";

const SOURCES =
  "Epoch <https://epoch.ai/data>,vLLM <https://github.com/vllm-project/vllm/issues/27508>,NVIDIA <https://nvidia.com>,DGX H100 <https://docs.nvidia.com/dgx>";
// data/hardware.csv's H100 SXM row (NVIDIA datasheet), one cell at a time replaced below.
const H100 = `h100-sxm,NVIDIA H100 SXM5 80GB,NVIDIA,gpu,hopper,989.4,1979,,80,3.35,79.11,450,8,switch,50,700,31120,2.99,0.5,1275,${SOURCES},,NVIDIA datasheet,https://www.nvidia.com/en-us/data-center/h100/,`;

/** The hint of the error at `column` when the H100 row's cell there is `value` (quoted, as it may hold a comma). */
function hardwareHint(column: (typeof HARDWARE_COLUMNS)[number], value: string): string | undefined {
  const cells = H100.split(",");
  cells[HARDWARE_COLUMNS.indexOf(column)] = `"${value}"`;
  try {
    parseHardwareCsv(`${HARDWARE_COLUMNS.join(",")}\n${cells.join(",")}`, {file: "data/hardware.csv"});
  } catch (error) {
    const detail = userErrorList(error).find((e) => e.detail.path === column)?.detail;
    expect(detail?.message).toBe("not a number");
    return detail?.hint;
  }
  throw new Error("expected an error");
}

describe("a hardware cell that is no plain decimal", () => {
  it.each([
    ["power_w", "７００", "the cell takes a plain number in W: write 700"],
    ["power_w", "700W", "the cell takes a plain number in W: write 700"],
    ["power_w", "0.7 kW", "the cell takes a plain number in W: write 700"],
    ["hbm_gb", "80GB", "the cell takes a plain number in GB: write 80"],
    ["hbm_tbps", "3,35", "the cell takes a plain number in TB/s: write 3.35"],
    ["hbm_tbps", "3.35 TB/s", "the cell takes a plain number in TB/s: write 3.35"],
    // Ambiguous: a thousands grouping and a decimal comma, each in hbm_tbps's range.
    ["hbm_tbps", "3,350", "the cell takes a plain number in TB/s: write 3350 or 3.35"],
    // 80,000 GB is in range, 80 000 with a no-break space told as grouped.
    ["hbm_gb", "80\u00a0000", "the cell takes a plain number in GB: write 80000"],
    ["price_usd", "$31,120", "the cell takes a plain number in USD: write 31120"],
    // A number with a scale letter, in every numeric column: `31k` had no hint where `$31,120` had one (breaker).
    ["price_usd", "31k", "the cell takes a plain number in USD: write 31000"],
    ["price_usd", "31K", "the cell takes a plain number in USD: write 31000"],
    ["price_usd", "1.2M", "the cell takes a plain number in USD: write 1200000"],
    ["power_w", "1.2k", "the cell takes a plain number in W: write 1200"],
    ["scale_up_gbps", "1.8 k", "the cell takes a plain number in GB/s: write 1800"],
    // A column of chips keeps its count's binary reading of K too.
    ["scale_up_chips", "1K", "the cell takes a plain number in chips: write 1000 or 1024"],
    // An amount of money in the cost-per-hour column, as price_usd is offered one (no hint before; tester).
    ["hourly_usd", "$2.99", "the cell takes a plain number in USD/h: write 2.99"],
    ["hourly_usd", "$2.99/h", "the cell takes a plain number in USD/h: write 2.99"],
    ["system_overhead", "50%", "the cell takes a plain number as a fraction of the chip's price: write 0.5"],
    ["bf16_tflops", "989.4 TFLOPS", "the cell takes a plain number in TFLOP/s: write 989.4"]
  ] as const)("%s = %s: %s", (column, value, hint) => {
    expect(hardwareHint(column, value)).toBe(hint);
  });

  it("offers only what the column's range takes", () => {
    // 350,000 W is beyond power_w's range [1, 1e5]; 350 W, the decimal-comma reading, is in it.
    expect(hardwareHint("power_w", "350,000")).toBe("the cell takes a plain number in W: write 350");
    // 2 MW is 2,000,000 W, beyond power_w's 100 kW: no offer.
    expect(hardwareHint("power_w", "2 MW")).toBeUndefined();
    // A whole-number column is offered no fraction.
    expect(hardwareHint("scale_up_chips", "8,5")).toBeUndefined();
  });
});

describe("a measurement cell that is no plain decimal", () => {
  it("is offered the plain number its column takes", () => {
    const row = MEASUREMENT_COLUMNS.map(() => "");
    const set = (column: (typeof MEASUREMENT_COLUMNS)[number], value: string) =>
      (row[MEASUREMENT_COLUMNS.indexOf(column)] = `"${value}"`);
    set("chips", "８");
    set("input_tokens", "222,33");
    set("output_tokens", "2k");
    set("output_tokens_per_s_per_chip", "3065,6");
    let hints: Record<string, string | undefined> = {};
    try {
      parseMeasurementsCsv(`${MEASUREMENT_COLUMNS.join(",")}\n${row.join(",")}`, {file: "data/measurements.csv"});
    } catch (error) {
      hints = Object.fromEntries(userErrorList(error).map((e) => [e.detail.path, e.detail.hint]));
    }
    expect(hints).toMatchObject({
      chips: "the cell takes a plain number in chips: write 8",
      input_tokens: "the cell takes a plain number in tokens: write 222.33",
      output_tokens: "the cell takes a plain number in tokens: write 2000",
      output_tokens_per_s_per_chip: "the cell takes a plain number: write 3065.6"
    });
  });
});

describe("a models.csv cell written as a model card writes it", () => {
  // data/models.csv's Llama 2 70B row, without its notes, one cell at a time replaced below. `70B` and `128k` read
  // "not a number", no hint, where a hardware cell's `700W` is offered 700 (breaker).
  const LLAMA =
    "llama-2-70b,Llama 2 70B,68.98,68.98,80,8192,64,8,128,,,1,1,32000,false,4096,2,Llama 2,https://arxiv.org/abs/2307.09288,";

  function modelHint(column: (typeof MODEL_COLUMNS)[number], value: string): string | undefined {
    const cells = LLAMA.split(",");
    cells[MODEL_COLUMNS.indexOf(column)] = `"${value}"`;
    try {
      parseModelsCsv(`${MODEL_COLUMNS.join(",")}\n${cells.join(",")}`, {file: "models.csv"});
    } catch (error) {
      const detail = userErrorList(error).find((e) => e.detail.path === column)?.detail;
      expect(detail?.message).toBe("not a number");
      return detail?.hint;
    }
    throw new Error("expected an error");
  }

  it.each([
    ["params_b", "70B", "the cell takes a plain number in billions of parameters: write 70"],
    // A trillion-parameter card (Kimi K2's 1T, 1.04T); a count read only k/M/B and this had no hint (session 39).
    ["params_b", "1.5T", "the cell takes a plain number in billions of parameters: write 1500"],
    ["active_params_b", "69 B", "the cell takes a plain number in billions of parameters: write 69"],
    ["context_tokens", "128k", "the cell takes a plain number in tokens: write 128000"],
    ["context_tokens", "128K", "the cell takes a plain number in tokens: write 128000 or 131072"],
    ["vocab_size", "32k tokens", "the cell takes a plain number in tokens: write 32000"],
    ["training_tokens_t", "15T", "the cell takes a plain number in trillions of tokens: write 15"],
    ["hidden_size", "8k", "the cell takes a plain number in dimensions: write 8000"]
  ] as const)("%s = %s: %s", (column, value, hint) => {
    expect(modelHint(column, value)).toBe(hint);
  });
});

describe("a models.csv count written in parameters where the column is in billions", () => {
  it.each([
    ["7e9", "the cell is in billions of parameters: write 7"],
    ["1500000000000", "the cell is in billions of parameters: write 1500"]
  ])("params_b = %s: %s", (value, hint) => {
    const row =
      "llama-2-70b,Llama 2 70B,68.98,68.98,80,8192,64,8,128,,,1,1,32000,false,4096,2,Llama 2,https://arxiv.org/abs/2307.09288,";
    const cells = row.split(",");
    cells[MODEL_COLUMNS.indexOf("params_b")] = value;
    try {
      parseModelsCsv(`${MODEL_COLUMNS.join(",")}\n${cells.join(",")}`, {file: "models.csv"});
    } catch (error) {
      const detail = userErrorList(error).find((e) => e.detail.path === "params_b")?.detail;
      expect(detail?.message).toBe("out of range");
      expect(detail?.hint).toBe(hint);
      return;
    }
    throw new Error("expected an error");
  });
});

describe("a whole-number cell with its digits grouped by points", () => {
  // `1.000` read as 1, silently, where a thousand may be meant (breaker); --set and flags refuse it (pointGroupedWhole).
  function hardwareError(column: (typeof HARDWARE_COLUMNS)[number], value: string) {
    const cells = H100.split(",");
    cells[HARDWARE_COLUMNS.indexOf(column)] = value;
    try {
      parseHardwareCsv(`${HARDWARE_COLUMNS.join(",")}\n${cells.join(",")}`, {file: "data/hardware.csv"});
    } catch (error) {
      return userErrorList(error).find((e) => e.detail.path === column)?.detail;
    }
    return undefined;
  }

  it("refuses 8.000 in scale_up_chips, offering 8 or 8000 where each is in the column's range", () => {
    const detail = hardwareError("scale_up_chips", "8.000");
    expect(detail?.message).toBe("a point in a whole number");
    expect(detail?.hint).toMatch(/^a whole number is written without a point: write 8\b/);
    // A decimal that is not a grouping is not this error, and a plain whole number still reads.
    expect(hardwareError("scale_up_chips", "8.5")?.message).toBe("not a whole number");
    expect(hardwareError("scale_up_chips", "8")).toBeUndefined();
  });
});
