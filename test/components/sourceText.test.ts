// @vitest-environment jsdom
// A source's web addresses become links in the assumption tables (an author's `Title <https://…>` showed as raw text;
// new-user trial), and nothing but an http(s) address does.
import {describe, expect, it} from "vitest";
import {SourceText} from "../../docs/components/sourceText.js";

function render(text: string): HTMLElement {
  const cell = document.createElement("td");
  cell.append(SourceText(text));
  return cell;
}

describe("SourceText", () => {
  it("links an address in angle brackets by its host, the whole address its title", () => {
    const cell = render("Hydro-Québec rates 2025 <https://www.hydroquebec.com/business/rates.html>");
    const link = cell.querySelector("a")!;
    expect(link.href).toBe("https://www.hydroquebec.com/business/rates.html");
    expect(link.title).toBe("https://www.hydroquebec.com/business/rates.html");
    expect(link.rel).toBe("noopener noreferrer");
    expect(cell.textContent).toBe("Hydro-Québec rates 2025 hydroquebec.com/…");
  });

  it("links a bare address, leaving a sentence's closing punctuation outside it", () => {
    const cell = render("see https://example.org/a, and https://example.com.");
    expect([...cell.querySelectorAll("a")].map((a) => a.href)).toEqual([
      "https://example.org/a",
      "https://example.com/"
    ]);
    expect(cell.textContent).toBe("see example.org/…, and example.com.");
  });

  it("keeps every other text as text: no link for another scheme, no markup from the source", () => {
    const cell = render("javascript:alert(1) <javascript:alert(1)> <b>bold</b> assumption: 70%");
    expect(cell.querySelector("a")).toBeNull();
    expect(cell.querySelector("b")).toBeNull();
    expect(cell.textContent).toBe("javascript:alert(1) <javascript:alert(1)> <b>bold</b> assumption: 70%");
  });

  it("keeps a parenthesis the address opened, takes any case of the scheme, and titles the link where it goes", () => {
    // Breaker: Wikipedia's address lost its ")", and a stray one followed the link.
    const wiki = render("See https://en.wikipedia.org/wiki/Moore%27s_law_(computing) for more (and https://a.org/x).");
    expect([...wiki.querySelectorAll("a")].map((a) => a.href)).toEqual([
      "https://en.wikipedia.org/wiki/Moore%27s_law_(computing)",
      "https://a.org/x"
    ]);
    expect(wiki.textContent).toBe("See en.wikipedia.org/… for more (and a.org/…).");
    expect(render("HTTPS://Example.org/A").querySelector("a")!.href).toBe("https://example.org/A");
    // The title is where the link goes, as the browser reads it: good.com@ is userinfo, the host is evil.com.
    const link = render("https://good.com@evil.com/").querySelector("a")!;
    expect([link.textContent, link.title]).toEqual(["evil.com", "https://evil.com/"]);
  });
});
