/** True when `root`/dist-lib/.stamp exists and no file under `root`/src/ or `root`/docs/components/ is newer than it. */
export function compiledIsFresh(root: URL): boolean;
