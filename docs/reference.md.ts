// Page loader: the scenario file reference, generated from the schema (src/scenario/file/reference.ts) so that the
// page cannot drift from what the parser accepts.
import {scenarioReferencePageMarkdown} from "../src/scenario/file/reference.js";

// The script marks the key tables that run past their column, whose headings then say to scroll (story.css).
const head = `<link rel="stylesheet" href="./components/story.css">

\`\`\`js
import {markOverflowingTables} from "./components/tableOverflow.js";
markOverflowingTables(document.querySelector(".reference-tables"));
\`\`\``;

process.stdout.write(scenarioReferencePageMarkdown(head));
