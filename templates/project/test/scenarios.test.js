// Checks every scenario file in data/scenarios/ and the catalog rows in data/, as `token-ledger validate` does: a
// mistake fails the test with the file:line:column of each error, one per line, first in the failure's message.
import assert from "node:assert/strict";
import {test} from "node:test";
import {checkScenarioFiles} from "token-ledger/node";

test("every scenario file and catalog row is valid", () => {
  const check = checkScenarioFiles();
  const messages = check.errors.map((error) => error.message);
  assert.ok(
    messages.length === 0,
    `${messages.length} error${messages.length === 1 ? "" : "s"} (as \`npx token-ledger validate\` prints them):\n` +
      messages.join("\n")
  );
  assert.ok(check.files.length > 0, "data/scenarios/ has at least one scenario file");
});
