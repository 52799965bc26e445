/** True when `root`/dist-lib/.stamp exists and no file under `root`/src/ or `root`/docs/components/ is newer than it. */
export function compiledIsFresh(root: URL): boolean;
/**
 * True when dist-lib/ is what scripts/build-lib.js would compile now: compiledIsFresh, and tsconfig.build.json,
 * scripts/build-lib.js and docs/glossary.md no newer than dist-lib/.stamp (a missing one counts as changed).
 */
export function compileIsCurrent(root: URL): boolean;
