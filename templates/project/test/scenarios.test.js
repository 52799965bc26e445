// Checks every scenario file in data/scenarios/ and the catalog rows in data/, as `token-ledger validate` does: a
// mistake fails the test with the file:line:column of each error, one per line, and nothing else (no stack trace).
import {test} from "node:test";
import {checkScenarioFiles, pageScenarioIdErrors} from "token-ledger/node";

/** Fails the test with `message` alone: a stack block would point into this file, not at the mistake. */
function fail(message) {
  const error = new Error(message);
  error.stack = message;
  throw error;
}

test("every scenario file and catalog row is valid", () => {
  const check = checkScenarioFiles();
  const messages = check.errors.map((error) => error.message);
  if (messages.length > 0) {
    fail(
      `${messages.length} error${messages.length === 1 ? "" : "s"} (as \`npx token-ledger validate\` prints them):\n` +
        messages.join("\n")
    );
  }
  if (check.files.length === 0) fail("no scenario file in data/scenarios/: expected at least one");
});

// A page reading a scenario by an id no file gives (a scenario renamed) shows an error in every cell; `npm run build`
// stops on it too.
test("every page reads a scenario a file gives", () => {
  const check = checkScenarioFiles();
  const messages = pageScenarioIdErrors("docs", check.library.index.ids).map((error) => error.message);
  if (messages.length > 0) fail(messages.join("\n"));
});
