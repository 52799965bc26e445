// The README's library examples ("From a script of your own", up to "## Print") run as written, through src/index.ts
// and src/node/index.ts in place of the package's entries, and each figure a block writes after `console.log(…); //`
// is what that line prints, to the digits written: an example a modeller copies is a claim about the library.
import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import * as lib from "../../src/index.js";
import * as node from "../../src/node/index.js";

const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
const section = readme.slice(readme.indexOf("**From a script of your own.**"), readme.indexOf("\n## Print"));
const blocks = [...section.matchAll(/```js\n([\s\S]*?)```/g)].map((match) => match[1]!);

/** The block with its imports of the package's entries bound to the source modules. */
function runnable(block: string): string {
  return block.replace(/import \{([^}]*)\} from "token-ledger(\/node)?";/g, (_, names: string, sub?: string) => {
    return `const {${names}} = ${sub ? "node" : "lib"};`;
  });
}

/** Runs a block, returning what each console.log line printed, by its line in the block (0-based). */
async function run(block: string): Promise<Map<number, unknown>> {
  const printed = new Map<number, unknown>();
  const lines = runnable(block)
    .split("\n")
    .map((line, i) => line.replace(/^console\.log\((.*)\);/, `__log(${i}, $1);`));
  const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor;
  await new AsyncFunction("lib", "node", "__log", lines.join("\n"))(lib, node, (line: number, value: unknown) =>
    printed.set(line, value)
  );
  return printed;
}

describe("the README's library examples", () => {
  it("has the three blocks: evaluateServing, a sweep, a scenario's point and Monte Carlo", () => {
    expect(blocks.length).toBe(3);
  });

  for (const [index, block] of blocks.entries()) {
    it(`block ${index + 1} runs, and prints the figures it writes`, async () => {
      const printed = await run(block);
      const lines = block.split("\n");
      let checked = 0;
      lines.forEach((line, i) => {
        const written = /^console\.log\(.*\); \/\/ (-?\d[\d.]*)\b/.exec(line)?.[1];
        if (written === undefined) return;
        const digits = written.replace(/^-?0\.0*|\./g, "").length;
        const value = printed.get(i);
        expect(typeof value, line).toBe("number");
        expect(Number((value as number).toPrecision(digits)), line).toBe(Number(written));
        checked++;
      });
      // The scenario block writes five figures; the others print a table or leave the figure in a comment.
      if (index === 2) expect(checked).toBe(5);
    });
  }
});
