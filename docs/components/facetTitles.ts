// A stacked-panel chart's panel titles: on a narrow screen the panels of a faceted bar chart stack vertically (fy), and
// each panel's name is written in bold at its top-left corner instead of in a side axis that would eat the bars' width.
import * as Plot from "@observablehq/plot";
import {INK} from "./palette.js";

/** A text mark naming each vertical facet (`fy`) at its top-left corner; `facets` are the fy domain's values. */
export function facetTitles(facets: readonly string[]): Plot.Text {
  return Plot.text(facets, {
    fy: (d: string) => d,
    text: (d: string) => d,
    frameAnchor: "top-left",
    // Clear of the y axis's line, which ran through the title's first letter (trial).
    dx: 6,
    fontWeight: "bold",
    fill: INK
  });
}
