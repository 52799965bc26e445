/**
 * Framework's `resize(render)` for a chart card that is redrawn again and again (a scenario page's, on every slider
 * move), remembering the card's width. Framework's resize returns an empty div and draws in its ResizeObserver
 * callback, which comes after the frame's layout, so every redraw laid out and painted its frame twice (measured
 * at 10–25 ms of a scenario page's 50–90 ms frames). Once a card's width is known, a redraw here draws at once, at that
 * width, and a frame lays it out once. The observer stays: when the width changes (a window resized, a scrollbar
 * appearing), the chart is drawn again at the new width, as Framework's resize does.
 *
 * `key` names the card on its page (its data-chart), and is shared by every redraw of that card.
 */
export function cardResize(key: string, render: (width: number) => Node | null): HTMLDivElement {
  const div = document.createElement("div");
  div.style.position = "relative"; // as Framework's resize
  let currentWidth = widths.get(key);
  const draw = (width: number) => {
    const child = width > 0 ? render(width) : null;
    if (child != null) hoistStyles(child);
    while (div.lastChild) div.lastChild.remove();
    if (child != null) div.append(child);
  };
  if (currentWidth !== undefined) draw(currentWidth);
  const observer = new ResizeObserver(([entry]) => {
    const {width} = entry!.contentRect;
    // A div that left the page (the card was redrawn) reports width 0: nothing to draw, and the width is kept.
    if (!div.isConnected) return observer.disconnect();
    widths.set(key, width);
    if (width === currentWidth) return;
    currentWidth = width;
    draw(width);
  });
  observer.observe(div);
  return div;
}

/** The last width seen of each card, by key (px, the content box's, as ResizeObserver reports it). */
const widths = new Map<string, number>();

/**
 * Moves the <style> elements a chart carries (Plot puts the same `:where(.plot-…)` rules in every chart it draws, and
 * in every legend) into one <style> per distinct text at the end of the body, and drops the copies. A <style> inside
 * an inline SVG is a style sheet of the whole document, so the rules apply as before, after the page's own style
 * sheets as before; but inserting and removing a style sheet with every redraw made the browser rebuild its rule sets
 * and re-match the page's styles in that frame (2–7 ms of each redraw's frame, measured on a scenario page).
 */
function hoistStyles(node: Node): void {
  if (!(node instanceof Element)) return;
  for (const style of node.querySelectorAll("style")) {
    const text = style.textContent ?? "";
    if (!hoisted.has(text)) {
      const sheet = document.createElement("style");
      sheet.textContent = text;
      document.body.append(sheet);
      hoisted.add(text);
    }
    style.remove();
  }
}

/** The texts of the style sheets hoistStyles has put at the end of the body. */
const hoisted = new Set<string>();
