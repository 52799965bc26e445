import {Help} from "commander";
import {describe, expect, it} from "vitest";
import {COMMAND_SUMMARIES} from "../../src/cli/commandSummaries.js";
import {buildProgram, COMMAND_MODULES} from "../../src/cli/main.js";

describe("the lazy command list", () => {
  it("lists each command as its module registers it (term and description)", async () => {
    const program = await buildProgram("all");
    const help = new Help();
    const real = Object.fromEntries(
      program.commands.map((command) => [
        command.name(),
        {term: help.subcommandTerm(command), description: command.description()}
      ])
    );
    expect(real).toEqual(COMMAND_SUMMARIES);
    expect(COMMAND_MODULES.flatMap((module) => module.names)).toEqual(program.commands.map((c) => c.name()));
  });

  it("prints the same top-level help with no module loaded as with all of them", async () => {
    const lazy = await buildProgram([]);
    const full = await buildProgram("all");
    expect(lazy.helpInformation()).toBe(full.helpInformation());
  });
});

describe("defaults in --help", () => {
  // `run --help` read "(default: [])" for --set and `training --help` "(default: "bf16")" (new user).
  it("writes an empty list as none and a string unquoted, in every command", async () => {
    const program = await buildProgram("all");
    const help = new Help();
    const texts = program.commands.map((command) => help.formatHelp(command, help));
    for (const text of texts) expect(text).not.toMatch(/\(default: (\[\]|")/);
    const training = program.commands.find((command) => command.name() === "training")!;
    expect(help.formatHelp(training, help)).toContain("(default: bf16)");
  });
});
