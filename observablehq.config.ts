import {readdirSync} from "node:fs";

// Observable Framework configuration. The source root is docs/ (our src/ is the library, reached from pages through
// the docs/lib symlink). `globalStylesheets: []` drops the default theme's Google Fonts link, so the built site makes
// no request to any other host.

/** One page per scenario file: adding data/scenarios/<id>.md adds /scenarios/<id> with no other edit. */
const scenarioIds = readdirSync("data/scenarios")
  .filter((name) => name.endsWith(".md") && !name.startsWith("_") && name.toLowerCase() !== "readme.md")
  .map((name) => name.slice(0, -".md".length))
  .sort();

export default {
  title: "token-ledger",
  root: "docs",
  output: "dist",
  theme: ["air", "near-midnight"],
  globalStylesheets: [],
  pages: [
    {
      name: "The story",
      pages: [
        {name: "1. The token is the unit of account", path: "/token-economics"},
        {name: "2. Training vs inference", path: "/training-vs-inference"},
        {name: "3. The inference tax", path: "/inference-tax"},
        {name: "4. Custom inference silicon", path: "/custom-silicon"},
        {name: "5. Model gap vs compute gap", path: "/moat"},
        {name: "6. The flywheel", path: "/flywheel"}
      ]
    },
    {
      name: "Scenarios",
      pages: [
        ...scenarioIds.map((id) => ({name: id, path: `/scenarios/${id}`})),
        {name: "Compare scenarios", path: "/compare"},
        {name: "Assumptions register", path: "/assumptions"}
      ]
    },
    {
      name: "Reference",
      pages: [
        {name: "How good is the model?", path: "/model-accuracy"},
        {name: "Scenario file reference", path: "/reference"},
        {name: "Writing a report page", path: "/authoring"}
      ]
    }
  ],
  dynamicPaths: scenarioIds.map((id) => `/scenarios/${id}`),
  // An empty inline icon: browsers stop asking for /favicon.ico, which a static site without one answers with a 404.
  head: '<link rel="icon" href="data:,">',
  footer: "token-ledger — every figure traceable to an assumption and its source.",
  search: false,
  linkify: true
};
