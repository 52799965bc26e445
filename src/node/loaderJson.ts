import {isUserError, userErrorList} from "../errors/userError.js";

/** What a data loader writes when its data files have errors: the messages, for the page to show. */
export interface LoaderProblems {
  problems: string[];
}

/**
 * Runs a data loader's build and writes its JSON to stdout. A user's mistake in data/ does not fail the loader
 * (which would leave the page "Unable to load file" and the preview with a stack trace): it writes
 * `{"problems": [...]}` with one located message per error, prints them on stderr, and exits 0; the page says what
 * is wrong (the banner lists the same errors). Any other error is thrown.
 */
export function writeLoaderJson(build: () => unknown): void {
  let output: unknown;
  try {
    output = build();
  } catch (error) {
    if (!isUserError(error)) throw error;
    const problems = userErrorList(error).map((e) => e.message);
    for (const problem of problems) console.error(problem);
    output = {problems} satisfies LoaderProblems;
  }
  process.stdout.write(JSON.stringify(output));
}

/**
 * The loader's data, or an Error saying which files have errors when the loader wrote `{problems}` (pages throw it, so
 * the page shows one clear message instead of a missing field).
 */
export function loaderData<T>(json: T | LoaderProblems, what: string): T {
  if (json !== null && typeof json === "object" && "problems" in json && Array.isArray(json.problems)) {
    throw new Error(
      `${what} cannot be shown while data/ has errors (listed in the banner at the top): ${json.problems[0] ?? ""}${json.problems.length > 1 ? ` (and ${json.problems.length - 1} more)` : ""}`
    );
  }
  return json as T;
}
