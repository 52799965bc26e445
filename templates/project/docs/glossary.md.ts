// Page loader: token-ledger's glossary (the field's terms in plain words), which the scenario pages link from the
// first use of a term (NRE, the 90% interval, the crossover) and the footer links from every page.
import {glossaryPageMarkdown} from "token-ledger/node";

process.stdout.write(glossaryPageMarkdown());
