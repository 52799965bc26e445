// What the README says of each command's interface, checked against the command: every flag its --help lists is
// named in the README, in the command's own section where it has one (`### \`inference\``), else anywhere; and
// training's list of --json keys. inference's custom chip links (--scale-up-bandwidth, --scale-up-chips,
// --scale-out-bandwidth) were in --help and nowhere in the README, which said only "the link bandwidths".
import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {buildProgram} from "../../src/cli/main.js";

const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");

/** The README's section of `command`: from its `###` heading (which may name several commands) to the next heading. */
function section(command: string): string {
  const heading = [...readme.matchAll(/^### (.*)$/gm)].find((match) => match[1]!.includes(`\`${command}\``));
  if (!heading) return readme;
  const rest = readme.slice(heading.index! + heading[0].length);
  const end = rest.search(/^#{1,3} /m);
  return end === -1 ? rest : rest.slice(0, end);
}

describe("README names every flag of every command", () => {
  it("in the command's own section, or anywhere when it has none", async () => {
    const program = await buildProgram("all");
    const missing = program.commands.flatMap((command) =>
      command.options
        .map((option) => option.long!)
        .filter(
          (flag) => flag !== "--help" && !new RegExp(`(?<![\\w-])${flag}(?![\\w-])`).test(section(command.name()))
        )
        .map((flag) => `${command.name()} ${flag}`)
    );
    expect(missing).toEqual([]);
  });
});

/**
 * Each key a README list of JSON keys names, as its path in the JSON: a name inside parentheses after another key's
 * name is that key's, and names after a colon inside them are the key's before the colon; any other name is top level.
 */
function namedPaths(paragraph: string): string[][] {
  const paths: string[][] = [];
  const outer: string[][] = [];
  let parent: string[] = [];
  let last: string[] = [];
  for (const [token, name] of paragraph.matchAll(/`(\w+)`|[():]/g)) {
    if (name) paths.push((last = [...parent, name]));
    else if (token === "(") (outer.push(parent), (parent = last));
    else if (token === ":" && outer.length > 0) parent = last;
    else if (token === ")") parent = outer.pop() ?? [];
  }
  return paths;
}

describe("README's list of training --json's keys", () => {
  it("names every key the command prints at the top level, and each key it names where the JSON has it", async () => {
    const {runCli} = await import("./runCli.js");
    const args = ["--model", "llama-3.1-405b", "--tokens", "15.6e12", "--hardware", "h100-sxm", "--chips", "16384"];
    const {stdout} = await runCli(["training", ...args, "--mfu", "0.41", "--json"]);
    const printed = JSON.parse(stdout) as Record<string, unknown>;
    const start = section("training").indexOf("JSON keys");
    const paragraph = section("training").slice(start, section("training").indexOf("\n\n", start));
    const paths = namedPaths(paragraph);
    const at = (path: string[]): unknown =>
      path.reduce<unknown>(
        (value, key) => (value && typeof value === "object" ? (value as never)[key] : undefined),
        printed
      );
    const topLevel = paths.filter((path) => path.length === 1).map(([key]) => key);
    expect(Object.keys(printed).filter((key) => !topLevel.includes(key))).toEqual([]);
    // Before: "`flops`, its parts `parameterFlops` and `attentionFlops`" could be read as keys of `flops`; the
    // README now names the three side by side, and any name it puts in the wrong place fails here.
    expect(paths.filter((path) => at(path) === undefined).map((path) => path.join("."))).toEqual([]);
    expect(paths.map((path) => path.join("."))).toContain("epochMethod.breakdownUsd.aiChips");
  });
});
