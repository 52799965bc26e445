import {readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {expect} from "vitest";
import {UserError, UserErrors, type UserErrorDetail} from "../../src/errors/userError.js";
import {loadScenarioLibrary} from "../../src/node/scenarioLibrary.js";
import {parseScenario, type ParsedScenario, type ScenarioText} from "../../src/scenario/file/parseScenario.js";

/** A fixture as the command line would pass it: the path relative to the repository, and its text. */
export function fixture(name: string): ScenarioText {
  const file = `test/fixtures/scenarios/${name}`;
  return {file, text: readFileSync(new URL(`../fixtures/scenarios/${name}`, import.meta.url), "utf8")};
}

export function parseFixture(name: string): ParsedScenario {
  return parseScenario(fixture(name));
}

/** The details of the user errors `run` throws; fails the test if it throws anything else or nothing. */
export function userErrorsOf(run: () => unknown): UserErrorDetail[] {
  try {
    run();
  } catch (error) {
    if (error instanceof UserErrors) return error.errors.map((e) => e.detail);
    if (error instanceof UserError) return [error.detail];
    throw error;
  }
  expect.unreachable("expected a UserError");
  return [];
}

/**
 * A scenario file `DIR/ID.md` that extends asic-9-months with the given `silicon:` block (indented YAML lines), read
 * through the scenario library as `token-ledger run FILE` reads it: its path and its resolved scenario.
 */
export function siliconScenarioFile(dir: string, id: string, silicon: string) {
  const path = join(dir, `${id}.md`);
  writeFileSync(path, `---\ntitle: ${id}\nextends: asic-9-months\nsilicon:\n${silicon}---\n`);
  return {path, resolved: loadScenarioLibrary([path]).resolve(id)};
}
