import {describe, expect, it} from "vitest";
import {runCli} from "./runCli.js";

// A spread of answer lengths (serving.outputTokensCv, --output-tokens-cv) raises the KV cache the requests in flight
// hold (src/inference/inflightLength.ts): the errors it causes name it, and what they offer fits at the same spread.
describe("errors caused by the spread of answer lengths", () => {
  it("blames the spread the user set, and says how the live tokens were counted", async () => {
    // base: Llama 3.1 405B on H100 TP8, batch 64, 2,048 + 512 tokens; at CV 10 a request in flight holds
    // 2,048 + 512 × 101 ÷ 2 = 27,904 live tokens (vLLM), too many for 64 of them.
    const {code, stdout, stderr} = await runCli([
      "run",
      "base",
      "--set",
      "serving.stack=vllm",
      "--set",
      "serving.outputTokensCv=10"
    ]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^token-ledger: --set: serving\.outputTokensCv: a batch of 64 does not fit in memory/);
    expect(stderr).toContain("at 27,904 live tokens (input + output × (1 + CV²) ÷ 2, answers spread at CV 10)");
    expect(stderr.trim().split("\n")).toHaveLength(1);
  });

  it("offers a prompt length that fits at the same spread", async () => {
    const run = (inputTokens: number) =>
      runCli([
        "run",
        "base",
        "--set",
        "serving.stack=vllm",
        "--set",
        "serving.outputTokensCv=2",
        "--set",
        `serving.inputTokens=${inputTokens}`
      ]);
    const refused = await run(12000);
    expect(refused.code).toBe(1);
    const offered = Number(
      /expected at most ([\d,]+) tokens, the largest serving\.inputTokens/.exec(refused.stderr)![1]!.replace(/,/g, "")
    );
    expect((await run(offered)).code).toBe(0);
    expect((await run(offered + 1)).code).toBe(1);
  });

  it("offers a tensor-parallel degree that holds one request at the same spread", async () => {
    const args = [
      "inference",
      "--model",
      "llama-3.1-405b",
      "--hardware",
      "h100-sxm",
      "--stack",
      "vllm",
      "--batch",
      "1"
    ];
    const shape = ["--input-tokens", "4096", "--output-tokens", "20000", "--output-tokens-cv", "2"];
    const refused = await runCli([...args, ...shape, "--tp", "4"]);
    expect(refused.code).toBe(1);
    const degree = /expected at least (\d+) chips per replica/.exec(refused.stderr)![1]!;
    expect((await runCli([...args, ...shape, "--tp", degree])).code).toBe(0);
  });

  it("refuses a spread whose answers in flight pass the context window, at the flag", async () => {
    const {code, stderr} = await runCli([
      "inference",
      "--hardware",
      "h100-sxm",
      "--model",
      "llama-3.1-70b",
      "--output-tokens",
      "8192",
      "--output-tokens-cv",
      "10"
    ]);
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /^token-ledger: --output-tokens-cv: answers of 8,192 tokens spread at CV 10 average 827,392/
    );
    expect(stderr).toMatch(
      /expected at most 3\.8, where input \+ output × \(1 \+ CV²\) fits the 131,072-token window, found 10\n$/
    );
  });
});
