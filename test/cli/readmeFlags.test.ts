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

describe("README's list of training --json's keys", () => {
  it("names every key the command prints, and no key it does not", async () => {
    const {runCli} = await import("./runCli.js");
    const args = ["--model", "llama-3.1-405b", "--tokens", "15.6e12", "--hardware", "h100-sxm", "--chips", "16384"];
    const {stdout} = await runCli(["training", ...args, "--mfu", "0.41", "--json"]);
    const printed = JSON.parse(stdout) as Record<string, unknown>;
    const paragraph = section("training").slice(section("training").indexOf("JSON keys:"));
    const named = new Set([...paragraph.matchAll(/`(\w+)`/g)].map((match) => match[1]!));
    // The keys one level down (energyConvention's, the breakdowns' parts, epochMethod's and its breakdown's).
    const nested = (value: unknown): string[] =>
      value && typeof value === "object" && !Array.isArray(value)
        ? Object.entries(value).flatMap(([key, inner]) => [key, ...nested(inner)])
        : [];
    expect(Object.keys(printed).filter((key) => !named.has(key))).toEqual([]);
    expect([...named].filter((name) => !nested(printed).includes(name))).toEqual([]);
  });
});
