// A scenario page's state in its URL (src/scenario/urlState.ts has the format and the parsing): read once when the
// page opens, written back with history.replaceState as controls move, so the address bar is always a share link.
import {shareQuery} from "./urlState.js";

/** The address of the page with `sets` as its query (the current path and hash kept). */
export function shareUrl(sets: readonly string[], location: Location = window.location): string {
  return `${location.origin}${location.pathname}${shareQuery(sets)}${location.hash}`;
}

/** Replaces the address bar's query with `sets` (no history entry, no reload). */
export function writeShareState(sets: readonly string[]): void {
  const url = `${window.location.pathname}${shareQuery(sets)}${window.location.hash}`;
  if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`) {
    window.history.replaceState(window.history.state, "", url);
  }
}

/** A read-only field showing the share link, with a button that copies it. */
export function ShareLink(url: string): HTMLElement {
  const box = document.createElement("div");
  box.className = "scenario-share";
  const input = document.createElement("input");
  input.type = "text";
  input.readOnly = true;
  input.value = url;
  input.setAttribute("aria-label", "Share link");
  input.dataset.share = "";
  input.addEventListener("focus", () => input.select());
  const button = document.createElement("button");
  button.type = "button";
  button.textContent = "Copy link";
  button.addEventListener("click", async () => {
    input.select();
    try {
      await navigator.clipboard.writeText(url);
      button.textContent = "Copied";
    } catch {
      button.textContent = "Select and copy";
    }
    setTimeout(() => (button.textContent = "Copy link"), 2000);
  });
  box.append(input, button);
  return box;
}
