// Observable Framework configuration of this report. The navigation is derived from the files: every page in docs/
// and one page per scenario file in data/scenarios/ (pass `sitePages({explicit: [...]})` to order it yourself).
import {
  componentStyles,
  dataFileProblems,
  FAVICON_LINK,
  ignoredSettingsNotice,
  scenarioPagePaths,
  sitePages
} from "token-ledger/node";
import {problemsBannerHtml} from "token-ledger/components/problemsBanner.js";

export default {
  title: "{{title}}",
  root: "docs",
  // `npm run build` (token-ledger build) builds into a folder beside dist/ and swaps it in when finished.
  output: process.env.TOKEN_LEDGER_SITE_OUTPUT ?? "dist",
  theme: ["air", "near-midnight"],
  // No Google Fonts link: the built site makes no request to any other host.
  globalStylesheets: [],
  // An inline favicon (no page requests /favicon.ico, which would 404), the components' styles, and the print styles
  // (controls as values, no navigation, a card per page break); a page that takes no settings says so to a link that
  // carries them (?set=…).
  head: (page) => FAVICON_LINK + componentStyles() + ignoredSettingsNotice(page),
  pages: sitePages(),
  dynamicPaths: scenarioPagePaths(),
  // A banner on every page naming each data file in error and its errors, as `validate` prints them, until it is fixed
  // (`npm run dev` reloads the pages when a file breaks or is fixed; a build with errors stops before Framework runs).
  header: problemsBannerHtml(dataFileProblems()),
  // Every page links the glossary (docs/glossary.md.ts), so a term is explained one click away wherever it appears.
  footer: 'Built with token-ledger and Observable Framework. Terms: <a href="/glossary">glossary</a>.',
  search: false
};
