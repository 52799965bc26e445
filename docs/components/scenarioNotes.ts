// What a reader should know before trusting a scenario page's figures: the notes `run` writes on stderr.
import {scenarioNotes} from "../lib/scenario/run/scenarioNotes.js";
import type {ScenarioEvaluation} from "../lib/scenario/evaluate/evaluateScenario.js";
import type {FleetNoteInput} from "../lib/scenario/run/fleetCapacityNote.js";
import type {ResolvedScenario} from "../lib/scenario/resolve/resolveScenario.js";

/**
 * A box listing the scenario's notes (scenarioNotes: demand or training past world GDP, a training run longer than its
 * months, a fleet smaller than the serving model needs, a serving layout the model is not calibrated on) for the
 * page's state, each as a sentence; an empty, hidden element when there is none. The same sentences `run` and
 * `compare` write on stderr.
 *
 * Input: the page's state: the evaluation at its median point, its metrics, and its resolved scenario (each key's
 * value). Output: an element (text only, never parsed as HTML).
 */
export function ScenarioNotes(state: {
  point: ScenarioEvaluation;
  metrics: FleetNoteInput["metrics"];
  resolved: Pick<ResolvedScenario, "values">;
}): HTMLElement {
  // A link's or a slider's setting is named as the assumptions table's Origin column names it, not as a flag and text
  // the reader never typed ("URL serving.batch=1"); a file's value by its file:line, as `run` names it.
  return NotesBox(
    scenarioNotes(
      state.point,
      {metrics: state.metrics, assumptions: state.resolved.values},
      {overridePlace: () => "set on this page"}
    )
  );
}

/**
 * The box itself: "Read these figures with care: they are computed as set, but" over one item per note, marked
 * data-notes (role status); hidden and empty for no note. /compare lists every picked scenario's notes in one, each
 * led by the scenario's name, as `compare` writes them on stderr.
 *
 * Input: the sentences, in order. Output: an element (text only, never parsed as HTML).
 */
export function NotesBox(notes: readonly string[]): HTMLElement {
  const box = document.createElement("div");
  box.className = "scenario-notice";
  box.dataset.notes = "";
  if (!notes.length) {
    box.hidden = true;
    return box;
  }
  box.setAttribute("role", "status");
  const title = document.createElement("p");
  const strong = document.createElement("strong");
  strong.textContent = "Read these figures with care";
  title.append(strong, document.createTextNode(": they are computed as set, but"));
  const list = document.createElement("ul");
  for (const note of notes) {
    const item = document.createElement("li");
    item.textContent = note;
    list.append(item);
  }
  box.append(title, list);
  return box;
}
