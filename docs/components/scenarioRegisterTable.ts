// A searchable, sortable table of plain rows: a search box filters on every column (all words must match), a click on
// a column header sorts by it (again to reverse). Cells are text; long text wraps. On a phone (≤ 640 px) the first
// column stays in view as the table scrolls sideways, and a column may show a shorter text there (`short`).

export interface RegisterColumn<T> {
  key: keyof T & string;
  label: string;
  /** CSS width of the column, e.g. "9em". */
  width?: string;
  /** Render as code (key paths). */
  code?: boolean;
  /**
   * The character after which the text may wrap (a <wbr> after each), so that a path breaks between its parts:
   * default "." for code (key paths), none for text; "/" for file paths and units ("data/scenarios/bas" | "e.md:5"
   * and "USD/kW" | "h" broke mid-word in a narrow column).
   */
  breakAfter?: "." | "/";
  /**
   * The row's key whose value is the cell's tooltip (`title`), and is searched too: the id behind a name ("scenario
   * id: asic-9-months" behind its title), which modellers type. No tooltip where that value is empty.
   */
  title?: keyof T & string;
  /**
   * The row's key whose value the cell shows instead on a phone (≤ 640 px; the stylesheet's .register-short), and is
   * searched too: a scenario's short label for its title, which wrapped over four lines of a narrow column.
   */
  short?: keyof T & string;
}

export interface RegisterTableElement<T> extends HTMLElement {
  /** The rows shown, in their shown order. */
  value: T[];
}

export function RegisterTable<T extends Record<string, unknown>>(
  rows: readonly T[],
  columns: readonly RegisterColumn<T>[],
  {placeholder = "Search…"} = {}
): RegisterTableElement<T> {
  const root = document.createElement("div") as unknown as RegisterTableElement<T>;
  root.className = "scenario-register";
  const search = document.createElement("input");
  search.type = "search";
  search.placeholder = placeholder;
  search.setAttribute("aria-label", placeholder);
  const count = document.createElement("span");
  count.className = "muted scenario-register-count";
  const bar = document.createElement("div");
  bar.className = "scenario-register-bar";
  bar.append(search, count);
  const table = document.createElement("table");
  // On a phone, a block per row (phone-blocks, as the scenario pages' tables): scrolled sideways, its values were cut at
  // the screen's edge and the origin and source out of sight with no word (trial). The header stays, as sort buttons.
  table.className = "scenario-table phone-blocks";
  const colgroup = document.createElement("colgroup");
  const head = table.createTHead().insertRow();
  let sortKey: string | null = null;
  let ascending = true;
  const headers: HTMLTableCellElement[] = [];
  for (const column of columns) {
    const col = document.createElement("col");
    if (column.width) col.style.width = column.width;
    colgroup.append(col);
    const th = document.createElement("th");
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = column.label;
    button.addEventListener("click", () => {
      ascending = sortKey === column.key ? !ascending : true;
      sortKey = column.key;
      render();
    });
    th.append(button);
    th.setAttribute("aria-sort", "none");
    headers.push(th);
    head.append(th);
  }
  table.prepend(colgroup);
  const body = table.createTBody();
  const wrap = document.createElement("div");
  wrap.className = "scenario-table-wrap";
  wrap.append(table);
  root.append(bar, wrap);
  const text = (row: T) =>
    columns
      .flatMap((c) => [
        String(row[c.key] ?? ""),
        c.title ? String(row[c.title] ?? "") : "",
        c.short ? String(row[c.short] ?? "") : ""
      ])
      .join(" ")
      .toLowerCase();
  const haystacks = new Map(rows.map((row) => [row, text(row)]));
  let shown: T[] = [...rows];
  function render() {
    const words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    shown = rows.filter((row) => words.every((word) => haystacks.get(row)!.includes(word)));
    if (sortKey !== null) {
      const key = sortKey;
      const collator = new Intl.Collator("en", {numeric: true});
      shown.sort((a, b) => (ascending ? 1 : -1) * collator.compare(String(a[key] ?? ""), String(b[key] ?? "")));
    }
    columns.forEach((column, i) => {
      headers[i]!.setAttribute("aria-sort", column.key === sortKey ? (ascending ? "ascending" : "descending") : "none");
    });
    body.replaceChildren(
      ...shown.map((row) => {
        const tr = document.createElement("tr");
        for (const column of columns) {
          const td = tr.insertCell();
          td.dataset.label = column.label;
          const value = String(row[column.key] ?? "") || "—";
          const cell = column.code ? td.appendChild(document.createElement("code")) : td;
          const tip = column.title ? String(row[column.title] ?? "") : "";
          if (tip) td.title = tip;
          const breakAfter = column.breakAfter ?? (column.code ? "." : undefined);
          const short = column.short ? String(row[column.short] ?? "") : "";
          if (short) {
            const long = cell.appendChild(document.createElement("span"));
            long.className = "register-long";
            long.textContent = value;
            const brief = cell.appendChild(document.createElement("span"));
            brief.className = "register-short";
            brief.textContent = short;
          } else if (breakAfter === undefined) cell.textContent = value;
          else {
            value.split(breakAfter).forEach((part, i) => {
              if (i) cell.append(breakAfter, document.createElement("wbr"));
              cell.append(part);
            });
          }
        }
        return tr;
      })
    );
    count.textContent = `${shown.length} of ${rows.length} rows`;
    root.dispatchEvent(new Event("input", {bubbles: true}));
  }
  search.addEventListener("input", (event) => {
    event.stopPropagation();
    render();
  });
  Object.defineProperty(root, "value", {get: () => shown});
  render();
  return root;
}
