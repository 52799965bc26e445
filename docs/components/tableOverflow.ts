/**
 * Marks each table in `container` that runs past its box, so that it scrolls sideways (scrollWidth > clientWidth),
 * with `data-overflows`, and keeps the marks true as the tables' widths change (a window resized or turned, a font
 * loaded); `container` is marked `data-overflow-measured` once they have been measured. story.css writes /reference's
 * "Scroll the table sideways" line under the heading of a table so marked. It had been drawn below 640 px only, while at
 * 768 px nine of the thirteen key tables ran past their column, and at 1024 px, beside the sidebar, ten.
 *
 * @param container The element holding the tables (none: nothing is marked).
 */
export function markOverflowingTables(container: Element | null): void {
  if (container === null || typeof ResizeObserver !== "function") return;
  const tables = [...container.querySelectorAll("table")];
  const mark = () => {
    for (const table of tables) table.toggleAttribute("data-overflows", table.scrollWidth > table.clientWidth);
    container.toggleAttribute("data-overflow-measured", true);
  };
  // A table (story.css's display: block) is as wide as its column, so that a new width of the column resizes it; its
  // first observation comes before the page's first paint.
  const observer = new ResizeObserver(mark);
  for (const table of tables) observer.observe(table);
  // A font that loads later changes how wide the rows are, within a box of the same width.
  void document.fonts?.ready.then(mark);
}
