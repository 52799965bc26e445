// Observable Framework configuration. The source root is docs/ (our src/ is the library, reached from pages through
// the docs/lib symlink). The head replaces the default theme's Google Fonts link so the built site makes no request
// to any other host.
export default {
  title: "token-ledger",
  root: "docs",
  output: "dist",
  theme: ["air", "near-midnight"],
  globalStylesheets: [],
  pages: [],
  footer: "token-ledger — every figure traceable to an assumption and its source.",
  search: false,
  linkify: true,
  cleanUrls: true
};
