// A scenario's assumptions: value (written with its unit), origin (file:line, inherited, default or set on the page)
// and source. Values the scenario or its parents set come first; defaults follow in a collapsed section. No unit
// column: it repeated the value's own ("15.6T tokens" beside "tokens"; trial), as the assumptions register has none.
import type {AssumptionRow} from "./scenarioPage.js";
import {UnusedNote} from "./unusedNote.js";
import {SourceText} from "./sourceText.js";

function table(rows: readonly AssumptionRow[]): HTMLElement {
  const element = document.createElement("table");
  element.className = "scenario-table scenario-assumptions phone-blocks";
  const head = element.createTHead().insertRow();
  for (const text of ["Key", "Value", "Origin", "Source"]) {
    const th = document.createElement("th");
    th.textContent = text;
    head.append(th);
  }
  const body = element.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    tr.dataset.key = row.path;
    tr.dataset.origin = row.originKind;
    const key = document.createElement("code");
    key.textContent = row.path;
    tr.insertCell().append(key);
    const value = tr.insertCell();
    value.textContent = row.value;
    // The tooltip keeps what modellers type: the catalog id of a named row, the value as written in the file.
    const tips = [
      row.valueId && `id: ${row.valueId}`,
      row.written && row.written !== row.value && row.written !== row.valueId && `written: ${row.written}`
    ];
    if (tips.some(Boolean)) value.title = tips.filter(Boolean).join("; ");
    // A value set but not read says so, as `run` lists it apart (a page listed an inherited 0.8–1.2 relative throughput
    // beside a catalog chip whose derived 0.714× the metrics used: trial).
    if (row.unused) {
      tr.dataset.unused = "";
      value.append(UnusedNote(`not used: ${row.unused}`));
    }
    const origin = tr.insertCell();
    origin.textContent = row.origin;
    if (row.originAt) origin.title = row.originAt;
    tr.insertCell().append(row.source ? SourceText(row.source) : "—");
    // On a phone the rows stack, each cell named by its column (scenarioStyle.css).
    for (const [i, label] of ["Value", "Origin", "Source"].entries()) tr.cells[i + 1]!.dataset.label = label;
  }
  const wrap = document.createElement("div");
  wrap.className = "scenario-table-wrap";
  wrap.append(element);
  return wrap;
}

export function ScenarioAssumptionsTable(rows: readonly AssumptionRow[]): HTMLElement {
  const root = document.createElement("div");
  root.className = "scenario-assumptions-wrap";
  // A default a `null` took back was written by the file or link: it is listed with the values set.
  const set = rows.filter((row) => row.originKind !== "default" || row.unset);
  const defaults = rows.filter((row) => row.originKind === "default" && !row.unset);
  root.append(table(set));
  if (defaults.length) {
    const details = document.createElement("details");
    const summary = document.createElement("summary");
    summary.textContent = `${defaults.length} more assumptions at their defaults`;
    details.append(summary, table(defaults));
    root.append(details);
  }
  return root;
}
