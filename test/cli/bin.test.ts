import {execFileSync, spawnSync} from "node:child_process";
import {readFileSync} from "node:fs";
import {fileURLToPath} from "node:url";
import {describe, expect, it} from "vitest";

const bin = fileURLToPath(new URL("../../bin/token-ledger.js", import.meta.url));

describe("bin/token-ledger.js", () => {
  it("runs as a command and lists the catalog", () => {
    const out = execFileSync(process.execPath, [bin, "catalog", "models"], {encoding: "utf8"});
    // A stated value as data/models.csv writes it: params 405.85 (billion).
    expect(out).toMatch(/llama-3\.1-405b\s+405\.85\s/);
  });

  it("exits 1 with one line and no stack trace on a user mistake", () => {
    const result = spawnSync(process.execPath, [bin, "inference", "--hardware", "nope", "--model", "llama-3.1-8b"], {
      encoding: "utf8"
    });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toContain("unknown hardware id 'nope'");
  });

  it.each(["--version", "-V"])("prints package.json's version for %s and exits 0", (flag) => {
    // `--version` read "unknown option of token-ledger: expected no options" (new-user trial).
    const {version} = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
      version: string;
    };
    const result = spawnSync(process.execPath, [bin, flag], {encoding: "utf8"});
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`${version}\n`);
    expect(result.stderr).toBe("");
  });
});
