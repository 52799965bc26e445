// Page loader: the scenario file reference, generated from the schema (src/scenario/file/reference.ts) so that the
// page cannot drift from what the parser accepts.
import {scenarioReferencePageMarkdown} from "../src/scenario/file/reference.js";

process.stdout.write(scenarioReferencePageMarkdown('<link rel="stylesheet" href="./components/story.css">'));
