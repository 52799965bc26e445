// Page loader: the scenario file reference, generated from the schema (src/scenario/reference.ts) so that the page
// cannot drift from what the parser accepts.
import {scenarioReferenceMarkdown} from "../src/scenario/file/reference.js";

process.stdout.write(`---
title: Scenario file reference
toc: true
---

<link rel="stylesheet" href="./components/story.css">

<div class="story-wide-tables">

${scenarioReferenceMarkdown()}

</div>
`);
