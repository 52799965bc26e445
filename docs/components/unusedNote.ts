// Why a value shown is not read by the page's state (another description of the custom chip, set more directly, wins:
// unreadKeys), written under it: in an assumptions table's cell, a /compare cell and a disabled slider.

/** A muted line under a value, `text` as given ("not used: the custom chip's price is …"); styled .scenario-unused. */
export function UnusedNote(text: string, tag: "div" | "p" = "div"): HTMLElement {
  const note = document.createElement(tag);
  note.className = "muted scenario-unused";
  note.textContent = text;
  return note;
}
