// Downloads made in the page: a Blob behind an object URL, clicked through a temporary <a download>.
import {csvFormat} from "d3-dsv";

/** A file to hand to the reader. */
export interface DownloadFile {
  filename: string;
  text: string;
  /** MIME type; default text/plain. */
  type?: string;
}

/** Saves `text` as `filename` in the reader's browser. */
export function downloadText({filename, text, type = "text/plain"}: DownloadFile): void {
  const url = URL.createObjectURL(new Blob([text], {type: `${type};charset=utf-8`}));
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  a.style.display = "none";
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Rows as a CSV file (d3-dsv csvFormat: a header of the first row's keys, then one line per row). */
export function csvFile(filename: string, rows: readonly object[]): DownloadFile {
  return {filename, text: csvFormat(rows as Record<string, unknown>[] as never), type: "text/csv"};
}

export interface DownloadButtonOptions {
  /** data-download attribute, for tests and styling. */
  name?: string;
  /** Tooltip. */
  title?: string;
}

/** A button that builds the file when clicked (so it always holds the current state) and downloads it. */
export function DownloadButton(label: string, file: () => DownloadFile, {name, title}: DownloadButtonOptions = {}) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "scenario-download";
  button.textContent = label;
  if (name) button.dataset.download = name;
  if (title) button.title = title;
  button.addEventListener("click", () => downloadText(file()));
  return button;
}
