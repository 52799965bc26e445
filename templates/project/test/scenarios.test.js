// Checks every scenario file in data/scenarios/ and the catalog rows in data/, as `token-ledger validate` does: a
// mistake fails the test with the file:line:column of each error.
import assert from "node:assert/strict";
import {test} from "node:test";
import {checkScenarioFiles} from "token-ledger/node";

test("every scenario file and catalog row is valid", () => {
  const check = checkScenarioFiles();
  assert.deepEqual(
    check.errors.map((error) => error.message),
    []
  );
  assert.ok(check.files.length > 0, "data/scenarios/ has at least one scenario file");
});
