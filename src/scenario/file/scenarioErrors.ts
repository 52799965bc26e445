import {UserError, type UserErrorDetail} from "../../errors/userError.js";
import type {ResolvedScenario} from "../resolve/resolveScenario.js";

/**
 * A UserError about the value of `path` in a resolved scenario, placed where that value was written: the file, line
 * and column that set it (or an ancestor's), the `--set` flag that overrode it, or the scenario's own file for a default.
 */
export function scenarioValueError(
  resolved: ResolvedScenario,
  path: string,
  detail: Omit<UserErrorDetail, "path" | "file" | "line" | "column" | "flag">
): UserError {
  const origin = resolved.values[path]?.origin;
  if (origin && (origin.kind === "file" || origin.kind === "parent")) {
    return new UserError({...detail, path, file: origin.file, line: origin.line, column: origin.column});
  }
  if (origin?.kind === "override") return new UserError({...detail, path, flag: origin.flag});
  return new UserError({...detail, path, file: resolved.file});
}
