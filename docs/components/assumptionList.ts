// The assumptions a story page uses: each key with its current value and unit, and its source.
import {groupThousands} from "../lib/units/groupThousands.js";
import {SourceText} from "./sourceText.js";

/** One assumption as the page uses it. */
export interface AssumptionItem {
  /** Scenario key, e.g. "serving.utilization". */
  path: string;
  /** What it is, in words. */
  label: string;
  /** The value as shown, unit included ("58%", "0.0826 USD/kWh"). */
  value: string;
  /** The source recorded for it in the scenario (or the schema's default source); "" when none. */
  source: string;
  /** True when a control on this page has moved it. */
  changed?: boolean;
  /**
   * Where the value comes from when a control has not moved it and it is not the scenario's own, in words: a share
   * link's key reads as a scenario page's does ("set on this page (URL)"), with the scenario's own value.
   */
  origin?: string;
}

function cell(tag: "td" | "th", ...content: (string | Node)[]): HTMLElement {
  const el = document.createElement(tag);
  el.append(...content);
  return el;
}

export function AssumptionList(items: readonly AssumptionItem[]): HTMLElement {
  const table = document.createElement("table");
  table.className = "story-assumptions phone-blocks";
  const head = document.createElement("thead");
  const headRow = document.createElement("tr");
  headRow.append(cell("th", "Assumption"), cell("th", "Value"), cell("th", "Source"));
  head.append(headRow);
  const body = document.createElement("tbody");
  for (const a of items) {
    const row = document.createElement("tr");
    row.dataset.key = a.path;
    const code = document.createElement("code");
    // A line may break after each dot of the key path (on a phone), never inside a name.
    a.path.split(".").forEach((part, i, parts) => {
      code.append(part + (i < parts.length - 1 ? "." : ""));
      if (i < parts.length - 1) code.append(document.createElement("wbr"));
    });
    const value = cell("td", groupDigits(a.value));
    const noteText = a.changed ? "set on this page" : a.origin;
    if (noteText) {
      const note = document.createElement("span");
      note.className = "muted";
      note.dataset.origin = a.changed ? "control" : "link";
      note.textContent = noteText;
      value.append(document.createElement("br"), note);
    }
    const source = cell("td", a.source ? SourceText(a.source) : "—");
    source.className = "muted";
    // On a phone each assumption is a block, its value and source each on a line of their own, named (story.css).
    value.dataset.label = "Value";
    source.dataset.label = "Source";
    row.append(cell("td", a.label, document.createElement("br"), code), value, source);
    body.append(row);
  }
  table.append(head, body);
  return table;
}

/** "100000000" → "100,000,000" for readability; decimals, ids and short numbers are left as they are. */
export function groupDigits(text: string): string {
  return text.replace(/(?<![\d.,])\d{5,}(?![\d.,])/g, (digits) => groupThousands(Number(digits)));
}
