// What a scenario page did not apply from its URL, listed as text (never parsed as HTML).
import {closestMatch} from "../lib/errors/suggest.js";
import {quoteFound} from "../lib/errors/userError.js";
import {MARKDOWN_EXTENSION} from "../lib/scenario/file/markdownExtensions.js";
import type {IgnoredSet} from "./urlState.js";

/**
 * A warning box listing each ignored parameter and why; an empty, hidden element when nothing was ignored. `heading`
 * replaces the title's lead ("Ignored 2 settings from the link") for a notice about something else, such as a Monte
 * Carlo that failed after a slider moved.
 */
export function ScenarioNotice(ignored: readonly IgnoredSet[], {heading}: {heading?: string} = {}): HTMLElement {
  const box = document.createElement("div");
  box.className = "scenario-notice";
  box.dataset.notice = "";
  if (!ignored.length) {
    box.hidden = true;
    return box;
  }
  box.setAttribute("role", "status");
  const title = document.createElement("p");
  const strong = document.createElement("strong");
  if (heading !== undefined) {
    strong.textContent = heading;
    title.append(strong);
  } else {
    strong.textContent = `Ignored ${ignored.length} setting${ignored.length === 1 ? "" : "s"} from the link`;
    title.append(
      strong,
      document.createTextNode(`: the page shows the scenario without ${ignored.length === 1 ? "it" : "them"}.`)
    );
  }
  const list = document.createElement("ul");
  for (const {set, reason, settings, length} of ignored) {
    const item = document.createElement("li");
    // As the CLI writes a found value: a bidi override, NUL or zero-width character escaped (a "\u202e" made the
    // notice read backwards), an empty one as "", a long one cut with its length (breaker).
    const codes = (settings?.length ? settings : [set]).map((text) => {
      const code = document.createElement("code");
      // A parameter the reader cut already (urlState's MAX_SET_LENGTH) is counted at its length as written: a
      // 320-character link read "(201 characters)", the cut text's (breaker).
      const shown = quoteFound(text, 120);
      code.textContent = length === undefined ? shown : shown.replace(/\(\d+ characters\)$/, `(${length} characters)`);
      return code;
    });
    codes.forEach((code, i) => item.append(...(i ? [document.createElement("br"), code] : [code])));
    item.append(document.createTextNode(` — ${reason}`));
    // The setting and the reason as data too, for what reads the notice (`token-ledger pdf`), not its wording.
    item.dataset.set = set;
    item.dataset.reason = reason;
    list.append(item);
  }
  box.append(title, list);
  // Past the first MAX_NOTICE_ITEMS, the rest folded under a summary: a link with 300 unknown parameters listed all
  // 300 above the page's content (breaker). They stay in the page, so that what reads the notice (pdf) has them all.
  if (list.children.length > MAX_NOTICE_ITEMS) {
    const rest = document.createElement("ul");
    rest.append(...[...list.children].slice(MAX_NOTICE_ITEMS));
    const more = document.createElement("details");
    const summary = document.createElement("summary");
    summary.textContent = `${rest.children.length} more`;
    more.append(summary, rest);
    box.append(more);
  }
  return box;
}

/** Ignored settings a notice lists open; the others are folded under "N more". */
export const MAX_NOTICE_ITEMS = 10;

/**
 * Why /compare ignores `?scenario=<written>` when no scenario has that id: the close id if there is one (compared
 * case-insensitively by closestMatch, so `zeta-2` finds `Zeta-2`), else the list of ids there are.
 */
export function unknownScenarioReason(written: string, ids: readonly string[]): string {
  // A scenario's file name (`base.md`, `data/scenarios/base.md`) for its id: offered the id, as the CLI offers it.
  const stem = written.split("/").at(-1)!.replace(MARKDOWN_EXTENSION, "");
  if (stem !== written && ids.includes(stem))
    return `no scenario has this id: it is a file's name (did you mean ${stem}?)`;
  const close = closestMatch(written, ids);
  return `no scenario has this id (${close !== undefined ? `did you mean ${close}?` : `the scenarios are ${ids.join(", ")}`})`;
}
