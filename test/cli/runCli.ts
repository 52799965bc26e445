import {expect, vi} from "vitest";
import {run} from "../../src/cli/main.js";

/** Runs the command line in-process and captures what it writes and its exit code. */
export async function runCli(args: string[]): Promise<{code: number; stdout: string; stderr: string}> {
  let stdout = "";
  let stderr = "";
  const out = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const code = await run(args);
    return {code, stdout, stderr};
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

/**
 * The one error line of a command that fails, without its "token-ledger: " prefix, after checking what a user's
 * mistake must give: exit 1, nothing on stdout, one line on stderr, no stack trace.
 */
export async function oneErrorLine(args: string[]): Promise<string> {
  const {code, stdout, stderr} = await runCli(args);
  expect(code, stderr).toBe(1);
  expect(stdout).toBe("");
  const lines = stderr.trimEnd().split("\n");
  expect(lines, stderr).toHaveLength(1);
  expect(lines[0]!.startsWith("token-ledger: ")).toBe(true);
  expect(stderr).not.toMatch(/\n\s+at /);
  return lines[0]!.slice("token-ledger: ".length);
}
