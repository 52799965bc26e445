// Characters that look like the ASCII ones a flag or a value takes, each named with what to write: a fullwidth ％ or
// ＝ (an East Asian input method), an em or en dash for a flag's two hyphens (a word processor's autocorrect), and a
// no-break or thin space grouping digits (a locale's number format). Before, `—batch 8` read "too many arguments",
// `60％` "wrong unit" with no hint, `serving.utilization＝0.6` "missing =" with no hint, `1\u00a0000` "wrong unit".
import {describe, expect, it} from "vitest";
import {oneErrorLine} from "./runCli.js";

const INFERENCE = ["inference", "--hardware", "h100-sxm", "--model", "llama-3.1-70b"];

describe("look-alike characters on the command line", () => {
  it("a fullwidth ＝ in --set, and a fullwidth ％ in --set and --utilization, are named", async () => {
    expect(await oneErrorLine(["run", "base", "--set", "serving.utilization＝0.6"])).toBe(
      "--set: missing =: expected path=value, like serving.utilization=0.7, found serving.utilization＝0.6 (a fullwidth ＝, not =: serving.utilization=0.6)"
    );
    expect(await oneErrorLine(["run", "base", "--set", "serving.utilization=60％"])).toBe(
      "--set: serving.utilization: not a number: expected a fraction like 0.35 or 35%, found 60％ (a fullwidth ％, not %: 60%)"
    );
    expect(await oneErrorLine([...INFERENCE, "--utilization", "60％"])).toMatch(
      /^--utilization: .*\(a fullwidth ％, not %: 60%\)$/
    );
  });

  it("fullwidth digits refused for another reason once ASCII are told both (`１６K`, `１e-400`)", async () => {
    expect(await oneErrorLine(["run", "base", "--set", "serving.batch=１６K"])).toBe(
      "--set: serving.batch: wrong unit: expected a whole number: a count like 16384, 16k, 1.5M or 2B, found １６K (write ASCII digits (16K); K is a thousand only in money ($30K): a count's K may be 1,024; write 16k (16,000), or 16384 if 16 × 1,024 was meant)"
    );
    expect(await oneErrorLine([...INFERENCE, "--batch", "１６K"])).toMatch(
      /\(write ASCII digits \(16K\); K is a thousand/
    );
    expect(await oneErrorLine(["run", "base", "--set", "power.electricity=１e-400"])).toMatch(
      /number too small: .*found １e-400 \(write ASCII digits \(1e-400\); too small for a double: write 0 if zero was meant\)$/
    );
    expect(await oneErrorLine([...INFERENCE, "--electricity", "１e-400"])).toMatch(
      /\(write ASCII digits \(1e-400\); too small/
    );
    expect(await oneErrorLine(["run", "base", "--seed", "１e-400"])).toBe(
      "--seed: number too small: expected a whole number, in decimal, found １e-400 (write ASCII digits (1e-400); too small for a double: write 0 if zero was meant)"
    );
  });

  it("a colon or a fullwidth ： between key and value is told to write key=value", async () => {
    expect(await oneErrorLine(["run", "base", "--set", "serving.batch:16"])).toBe(
      "--set: missing =: expected path=value, like serving.utilization=0.7, found serving.batch:16 (write key=value, not key:value: serving.batch=16)"
    );
    expect(await oneErrorLine(["run", "base", "--set", "serving.batch: 16"])).toMatch(
      /\(write key=value, not key:value: serving\.batch=16\)$/
    );
    expect(await oneErrorLine(["run", "base", "--set", "serving.batch：16"])).toMatch(
      /\(write key=value, not key：value: serving\.batch=16\)$/
    );
  });

  it("an em dash or an en dash for a flag's two hyphens is named, with the flag meant", async () => {
    expect(await oneErrorLine([...INFERENCE, "—batch", "8"])).toBe(
      "—batch: not a flag's dashes: expected a flag written with ASCII hyphens, like --batch, found —batch (an em dash, not two hyphens: --batch)"
    );
    expect(await oneErrorLine([...INFERENCE, "–batch", "8"])).toMatch(/\(an en dash, not two hyphens: --batch\)$/);
    expect(await oneErrorLine([...INFERENCE, "—batch=8"])).toMatch(/\(an em dash, not two hyphens: --batch=8\)$/);
    expect(await oneErrorLine([...INFERENCE, "—bach", "8"])).toMatch(/no such flag: did you mean --batch\?\)\)$/);
    // A minus sign before a number is a value's, not a flag's: still told as a value (here, a stray argument).
    expect(await oneErrorLine([...INFERENCE, "–5"])).not.toContain("flag's dashes");
  });

  it("a fullwidth ＝ glued to a flag, or one dash before a long flag, is told what to write", async () => {
    expect(await oneErrorLine(["run", "base", "--seed＝8"])).toBe(
      "--seed＝8: unknown option of token-ledger run: expected one of --set, --seed, --samples, --json, found --seed＝8 (a fullwidth ＝, not =: --seed=8)"
    );
    expect(await oneErrorLine([...INFERENCE, "--batch＝8"])).toMatch(
      /found --batch＝8 \(a fullwidth ＝, not =: --batch=8\)$/
    );
    expect(await oneErrorLine(["run", "base", "-seed", "3"])).toBe(
      "-seed: unknown option of token-ledger run: expected one of --set, --seed, --samples, --json, found -seed (a long flag takes two hyphens: --seed)"
    );
    expect(await oneErrorLine([...INFERENCE, "-batch", "8"])).toMatch(
      /found -batch \(a long flag takes two hyphens: --batch\)$/
    );
  });

  it("digits grouped with a no-break or narrow no-break space are offered without it, and with commas", async () => {
    expect(await oneErrorLine([...INFERENCE, "--batch", "1\u00a0000"])).toMatch(
      /\(a no-break space groups these digits: write 1000 \(1,000\)\)$/
    );
    expect(await oneErrorLine(["run", "base", "--set", "serving.batch=1\u202f000"])).toMatch(
      /\(a narrow no-break space groups these digits: write 1000 \(1,000\)\)$/
    );
    expect(await oneErrorLine(["run", "base", "--samples", "1\u202f000"])).toMatch(
      /^--samples: .*\(a narrow no-break space groups these digits: write 1000 \(1,000\)\)$/
    );
    expect(await oneErrorLine(["run", "base", "--set", "hardware.price=$30\u00a0000"])).toMatch(
      /write \$30000 \(\$30,000\)\)$/
    );
  });

  it("digits grouped with a plain space are offered without it, and with commas", async () => {
    expect(await oneErrorLine([...INFERENCE, "--batch", "16 384"])).toBe(
      "--batch: not a number: expected a whole number: a count like 16384, 16k, 1.5M or 2B, found 16 384 (a space groups these digits: write 16384 (16,384))"
    );
    expect(await oneErrorLine(["run", "base", "--set", "serving.batch=16 384"])).toMatch(
      /\(a space groups these digits: write 16384 \(16,384\)\)$/
    );
    expect(await oneErrorLine(["run", "base", "--samples", "16 384"])).toMatch(
      /^--samples: .*\(a space groups these digits: write 16384 \(16,384\)\)$/
    );
  });

  it("a count's 16K is refused with both readings, each offered only where the key takes it", async () => {
    expect(await oneErrorLine(["run", "base", "--set", "serving.batch=16K"])).toBe(
      "--set: serving.batch: wrong unit: expected a whole number: a count like 16384, 16k, 1.5M or 2B, found 16K (K is a thousand only in money ($30K): a count's K may be 1,024; write 16k (16,000), or 16384 if 16 × 1,024 was meant)"
    );
    expect(await oneErrorLine(["run", "base", "--set", "serving.tensorParallel=2K"])).toMatch(
      /refused too: out of range/
    );
  });
});
