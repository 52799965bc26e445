// Page loader: the scenario file reference (every key with its unit, range, default, meaning and source), generated
// from token-ledger's schema, as `npx token-ledger reference` prints it; the scenario pages link it.
import {scenarioReferencePageMarkdown} from "token-ledger/node";

process.stdout.write(scenarioReferencePageMarkdown());
