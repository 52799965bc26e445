// Above a scenario's narrative once the page no longer shows the scenario as filed: the words were written for the
// file's values, the live figures in them follow the reader's changes.
import {writtenAt, type ResolvedScenario} from "../lib/scenario/resolve/resolveScenario.js";
import {scenarioKey} from "../lib/scenario/file/schema.js";
import type {NamedCatalogs} from "../lib/scenario/narrative/catalogValueName.js";
import {assumptionRows} from "./scenarioPage.js";

/**
 * A note that the text below was written for the scenario's file, listing each assumption the page sets apart from
 * it, in words: "Chip design cycle: 24 months; as filed, 9 months". A reader who moved silicon.designCycle to 24 on
 * asic-9-months read "Why the 9-month cycle beats the 24-month one" over figures computed for 24 months, with nothing
 * to say the argument was the file's (site review).
 *
 * Listed: every key the page sets (a link's or a slider's set: origin "override", or a link's `null`) whose value
 * differs from the file's, and every key the file leaves at its default that the page sets, even to the default's
 * value (setting silicon.dieArea to its default 800 mm² prices the custom chip from its die: the figures change;
 * breaker). Two values that read alike ("1.2" for 1.2001) are written to six significant digits.
 *
 * @param filed The scenario as its file resolves it (the page's site data).
 * @param shown The scenario the page evaluates now (the file with the link's and the sliders' sets applied).
 * @param catalogs Names for catalog ids ("NVIDIA H100 SXM5 80GB" for h100-sxm).
 * @returns A hidden, empty element when nothing is listed; else a status note (class scenario-changed-note) whose
 *   items carry data-key, the key's path.
 */
export function NarrativeChangedNote(
  filed: ResolvedScenario,
  shown: ResolvedScenario,
  catalogs?: NamedCatalogs
): HTMLElement {
  const note = document.createElement("div");
  note.className = "scenario-changed-note";
  // A link's `null` too, which takes a key back to its default (origin "default", unset by the URL).
  const set = new Set(
    Object.keys(shown.values).filter((path) => writtenAt(shown.values[path]!.origin)?.kind === "override")
  );
  const before = new Map(assumptionRows(filed, {catalogs}, set).map((row) => [row.path, row]));
  const changed = assumptionRows(shown, {catalogs}, set).filter((row) => {
    const was = before.get(row.path);
    return row.exact !== was?.exact || filed.values[row.path]?.origin.kind === "default";
  });
  if (!changed.length) {
    note.hidden = true;
    return note;
  }
  note.setAttribute("role", "status");
  const lead = document.createElement("p");
  const strong = document.createElement("strong");
  // A share link's changes are its sender's, not the reader's: the note says what changed, not who changed it.
  strong.textContent = `Changed from the scenario's file (${changed.length} assumption${changed.length === 1 ? "" : "s"}).`;
  lead.append(
    strong,
    " The text below was written for the file's values: its underlined figures follow the changes, its words do not."
  );
  const list = document.createElement("ul");
  for (const row of changed) {
    const item = document.createElement("li");
    item.dataset.key = row.path;
    const was = before.get(row.path);
    const alike = was !== undefined && was.value === row.value;
    const now = alike ? row.exact : row.value;
    const byDefault = filed.values[row.path]?.origin.kind === "default";
    const wasText = alike ? was.exact : (was?.value ?? "—");
    const filedText = !byDefault
      ? `as filed, ${wasText}`
      : wasText === "—"
        ? "not set in the file"
        : `not set in the file (${wasText} by default)`;
    item.textContent = `${scenarioKey(row.path)?.label ?? row.path}: ${now}; ${filedText}`;
    list.append(item);
  }
  note.append(lead, list);
  return note;
}
