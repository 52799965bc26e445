import {vi} from "vitest";
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
