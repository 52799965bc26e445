// Page loader: one page per scenario file in data/scenarios/ (the config lists them in dynamicPaths). It prints the
// page's Markdown: the scenario's title, description and narrative, its headline figures, and a slider that recomputes
// them in the browser. Code fences are ~~~js so this file can hold them in a template string.
import {parseArgs} from "node:util";
import {narrativePageMarkdown} from "token-ledger";
import {checkScenarioFiles} from "token-ledger/node";

const {values} = parseArgs({options: {id: {type: "string"}}});
const check = checkScenarioFiles();
const file = check.files.find((f) => f.name === values.id);
const errors = [...check.catalogErrors, ...(file?.errors ?? [])];
if (!file || errors.length) {
  // `npm run build` stops on any error before this runs; the preview shows them on the page instead.
  process.stdout.write(
    `# ${values.id}\n\n${errors.map((error) => `- \`${error.message}\``).join("\n") || "No such scenario file."}\n`
  );
} else {
  const scenario = check.library.resolve(file.id);
  // The narrative is text: its headings one level down, code shown and never run, and each live value
  // ({{metrics.costPerMillionTokensUsd}}, {{serving.hardware}}) an inline expression with the page's own number.
  const narrative = narrativePageMarkdown(scenario.body ?? "", (target) =>
    target.kind === "metric"
      ? `$\{LiveMetric(metricRows(ev.metrics), ${JSON.stringify(target.metric)})}`
      : `$\{LiveKey(point, ${JSON.stringify(target.path)}, {catalogs: story.catalogs})}`
  );
  process.stdout.write(`---
title: ${JSON.stringify(scenario.title)}
toc: false
---

# ${scenario.title}

${scenario.description}

<p class="muted">Scenario file: <code>${scenario.file}</code> · id <code>${file.id}</code></p>

~~~js
import {evaluateScenarioPoint} from "token-ledger";
import {loadStory, StoryAssumptions, StoryControls, storyPoint, StoryShare} from "token-ledger/components/story.js";
import {CostStackChart} from "token-ledger/components/costStackChart.js";
import {formatUsdPerMTok} from "token-ledger/components/format.js";
import {Kpi} from "token-ledger/components/kpi.js";
import {LiveKey, LiveMetric} from "token-ledger/components/liveValue.js";
import {metricRows} from "token-ledger/components/scenarioPage.js";
~~~

~~~js
const story = await loadStory(FileAttachment("../data/site.json"), ${JSON.stringify(file.id)});
~~~

${narrative}

<div class="story-controls">

~~~js
const controlsInput = StoryControls(story, [{path: "serving.utilization"}]);
const controls = view(controlsInput);
~~~

</div>

~~~js
const {point} = storyPoint(story, controls, controlsInput.start);
const ev = evaluateScenarioPoint(story.bound, point);
~~~

~~~js
// The page's state as a share link (the address bar follows the sliders), and a notice of any setting of the link
// that was not applied and why; \`token-ledger pdf\` refuses a link with such a setting.
display(StoryShare(story, controls, controlsInput.start));
~~~

<div class="card">

### Cost per million output tokens: $\{Kpi(ev.metrics.costPerMillionOutputTokensUsd, {format: formatUsdPerMTok, testid: "scenario-kpi"})}

~~~js
const rows = ["chipCapital", "systemCapital", "facilityCapital", "energy", "operations"].map((component) => ({
  group: "output tokens",
  component,
  usdPerMTok: ev.cost.output[component]
}));
display(resize((width) => CostStackChart(rows, {width, height: 140})));
~~~

</div>

<div class="card">

### Assumptions

~~~js
display(StoryAssumptions(story, point, ["serving.hardware", "serving.model", "serving.utilization", "power.electricity"]));
~~~

</div>
`);
}
