// The pages' formatters are the library's (src/scenario/run/reportFormat.ts), so a figure reads the same on every
// page and in `token-ledger run`.
export * from "../lib/scenario/run/reportFormat.js";
