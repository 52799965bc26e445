import {describe, expect, it} from "vitest";
import {findLiveValues, liveValueErrors, liveValueTarget} from "../../../src/scenario/narrative/liveValues.js";
import {narrativeErrors, narrativePageMarkdown} from "../../../src/scenario/narrative/narrative.js";

const render = (target: {kind: string}, name: string) => `<${target.kind}:${name}>`;

describe("live values", () => {
  it("finds {{…}} outside code, trimmed, with offsets", () => {
    const body =
      "NPV {{ metrics.siliconNpvUsd }} at {{serving.utilization}}.\n`{{not.this}}`\n```\n{{nor.this}}\n```\n";
    expect(findLiveValues(body)).toEqual([
      {name: "metrics.siliconNpvUsd", offset: 4, length: 27},
      {name: "serving.utilization", offset: 35, length: 23}
    ]);
  });

  it("names a metric or a scenario key, nothing else", () => {
    expect(liveValueTarget("metrics.siliconNpvUsd")).toEqual({kind: "metric", metric: "siliconNpvUsd"});
    expect(liveValueTarget("serving.utilization")).toEqual({kind: "key", path: "serving.utilization"});
    expect(liveValueTarget("metrics.nope")).toBeUndefined();
    expect(liveValueTarget("serving")).toBeUndefined();
  });

  it("locates an unknown name at its braces, counting lines from where the body starts", () => {
    // bodyLine 12: the body's first line is line 12 of the file; the typo is on the body's second line, column 9.
    const body = "First line.\nCost is {{metrics.costPerMilionTokensUsd}} today.";
    const [error, ...rest] = liveValueErrors({file: "data/scenarios/x.md", body, bodyLine: 12});
    expect(rest).toEqual([]);
    expect(error?.detail).toMatchObject({
      file: "data/scenarios/x.md",
      line: 13,
      column: 9,
      message: "unknown live value in the narrative",
      found: '"{{metrics.costPerMilionTokensUsd}}"',
      hint: "did you mean metrics.costPerMillionTokensUsd?"
    });
  });

  it("hints the names a live value is a typo of, or has the words of, and nothing for a name like none", () => {
    const hint = (name: string) => liveValueErrors({file: "x.md", body: `{{${name}}}`, bodyLine: 1})[0]?.detail.hint;
    expect(hint("serving.utilisation")).toBe("did you mean serving.utilization?");
    // No metric is called anything like "nope": it was offered the three closest metrics, unrelated (new user).
    expect(hint("metrics.nope")).toBeUndefined();
    expect(hint("metrics.npv")).toMatch(/^did you mean metrics\.\w*Npv\w*/);
  });
});

describe("narrative on its page", () => {
  it("is one line of HTML: headings one level down with Framework's ids, code shown, never run", () => {
    // A fence's line breaks are &#10; (a blank line would end the HTML block and hand the rest back to Markdown);
    // h6 stays h6; a repeated heading's id takes -1, as markdown-it-anchor gives it.
    expect(narrativePageMarkdown("# A\ntext\n```js\n# not a heading\n\n```\n## B\n###### F\n# A", render)).toBe(
      '<div><h2 id="a" tabindex="-1">A</h2> <p>text</p> ' +
        '<pre><code class="language-js"># not a heading&#10;&#10;</code></pre> ' +
        '<h3 id="b" tabindex="-1">B</h3> <h6>F</h6> <h2 id="a-1" tabindex="-1">A</h2> </div>'
    );
  });

  it("writes every $ as &#36; and renders live values in text, as written in attributes", () => {
    expect(narrativePageMarkdown("Costs ${1+1} and {{metrics.siliconNpvUsd}}; `${code}`", render)).toBe(
      "<div><p>Costs &#36;{1+1} and <metric:metrics.siliconNpvUsd>; <code>&#36;{code}</code></p> </div>"
    );
    expect(narrativePageMarkdown('<a title="{{serving.utilization}}">t</a> {{nope.key}}', render)).toBe(
      '<div><p><a title="{{serving.utilization}}">t</a> {{nope.key}}</p> </div>'
    );
  });

  it("tells each live value's render the word just before it (none after a bracket), for a month read after 'at'", () => {
    const words = (target: {kind: string}, name: string, {wordBefore}: {wordBefore: string}) => `<${wordBefore}>`;
    expect(
      narrativePageMarkdown(
        "Paid back At {{metrics.siliconPaybackMonth}}, for good ({{metrics.inferenceOvertakesTrainingMonth}}).\n\n" +
          "{{serving.utilization}}",
        words
      )
    ).toBe("<div><p>Paid back At <at>, for good (<>).</p> <p><></p> </div>");
  });

  it("titles a link to a glossary entry as the pages' glossary terms are titled, and no other link", () => {
    expect(
      narrativePageMarkdown("[KV cache](../glossary#kv-cache), [moat](../moat), [NRE](/glossary#nre)", render)
    ).toBe(
      '<div><p><a href="../glossary#kv-cache" title="In the glossary">KV cache</a>, <a href="../moat">moat</a>, ' +
        '<a href="/glossary#nre" title="In the glossary">NRE</a></p> </div>'
    );
    // An author's own title is kept.
    expect(narrativePageMarkdown('[x](../glossary#nre "Non-recurring engineering")', render)).toBe(
      '<div><p><a href="../glossary#nre" title="Non-recurring engineering">x</a></p> </div>'
    );
  });

  it("refuses a link to a glossary entry the glossary does not have, at its anchor (breaker: it passed validate)", () => {
    const anchors = new Set(["kv-cache", "nre"]);
    const body =
      '[KV](../glossary#kv_cache) and [NRE](../glossary#nre)\n<a href="/glossary#">x</a> `[c](../glossary#no)`';
    const errors = narrativeErrors({file: "f.md", body, bodyLine: 5}, anchors).map((e) => e.detail);
    expect(errors).toEqual([
      expect.objectContaining({
        line: 5,
        column: 18,
        message: "no glossary entry #kv_cache",
        expected: "an entry of the glossary page, as ../glossary#kv-cache",
        found: "#kv_cache",
        hint: expect.stringContaining("kv-cache")
      }),
      expect.objectContaining({line: 6, column: 20, message: "a glossary link without an entry", found: "#"})
    ]);
    // Without the glossary's entries (an install without it) the links go unchecked.
    expect(narrativeErrors({file: "f.md", body, bodyLine: 5})).toEqual([]);
  });

  it("refuses scripts and local files, at their line and column, and allows https images", () => {
    const body = 'Text\n<img src="chart.png">\n![ok](https://example.com/a.png) ![x](x.png)\n<script>alert(1)</script>';
    const errors = narrativeErrors({file: "f.md", body, bodyLine: 5}).map((e) => e.detail);
    expect(errors).toEqual([
      expect.objectContaining({line: 6, column: 11, message: "a local file in the narrative", found: '"chart.png"'}),
      expect.objectContaining({line: 7, column: 39, message: "a local file in the narrative", found: '"x.png"'}),
      expect.objectContaining({line: 8, column: 1, message: "script in the narrative"})
    ]);
  });
});

describe("what a narrative may not contain", () => {
  const errorsOf = (body: string) => narrativeErrors({file: "f.md", body, bodyLine: 1}).map((e) => e.detail);

  it("refuses everything that would run or restyle the page, located", () => {
    // From a reviewer's attempts: each of these ran or restyled the built page before it was refused.
    const cases: [string, string][] = [
      ['<img src="https://example.com/a.png" onerror="window.x=1">', "event handler in the narrative"],
      ['<svg onload="window.x=1"></svg>', "event handler in the narrative"],
      ["<style>body{background:red}</style>", "page code in the narrative"],
      ['<a href="javascript:window.x=1">x</a>', "script address in the narrative"],
      ["[x](javascript:alert(1))", "script address in the narrative"],
      ['<iframe src="https://example.com"></iframe>', "page code in the narrative"],
      ['<a href="../../README.md">readme</a>', "a local file in the narrative"],
      ["see [the data](data.csv)", "a local file in the narrative"]
    ];
    for (const [body, message] of cases) {
      expect(
        errorsOf(body).map((e) => e.message),
        body
      ).toContain(message);
    }
    expect(errorsOf("x\n  <svg onload=1>")[0]).toMatchObject({line: 2, column: 8, found: "onload="});
  });

  it("refuses a local image named in a srcset, a poster or a style's url(), at its column (breaker: they passed)", () => {
    // Columns: `<img srcset="` is 13 characters, so x.png starts at 14 and y.png after "x.png 1x, " at 24.
    expect(errorsOf('<img srcset="x.png 1x, y.png 2x">')).toEqual([
      expect.objectContaining({column: 14, message: "a local file in the narrative", found: '"x.png"'}),
      expect.objectContaining({column: 24, message: "a local file in the narrative", found: '"y.png"'})
    ]);
    expect(errorsOf('<div style="background:url(x.png)">x</div>')).toEqual([
      expect.objectContaining({column: 28, message: "a local file in the narrative", found: '"x.png"'})
    ]);
    expect(errorsOf('<video poster="still.jpg"></video>').map((e) => e.found)).toEqual(['"still.jpg"']);
    // SVG images and sprites, an image button, image-set() (second-round breaker); `//host/…` is remote, not local.
    for (const body of [
      '<svg><image href="i.png"/></svg>',
      '<svg><image xlink:href="i2.png"/></svg>',
      '<svg><use href="sprite.svg#a"/></svg>',
      '<input type="image" src="t.png">',
      "<div style=\"background-image: image-set('q.png' 1x)\">x</div>"
    ]) {
      expect(
        errorsOf(body).map((e) => e.message),
        body
      ).toEqual(["a local file in the narrative"]);
    }
    // `//host/…` is not a local file, but a protocol-relative address: refused as an image over http: is (below).
    expect(errorsOf('<img src="//cdn.example.com/h.png">').map((e) => e.message)).toEqual([
      "an insecure or protocol-relative address in the narrative"
    ]);
    expect(
      errorsOf('<img srcset="https://example.com/a.png 1x" style="background:url(https://example.com/b.png)">')
    ).toEqual([]);
  });

  it("reads attribute values as the browser does: a script address written with character references (breaker)", () => {
    // `&#x73;` is "s" and `&#106;` is "j": the browser follows javascript:…, which the patterns on the text let through.
    expect(errorsOf('<a target="_self" href="java&#x73;cript:document.title=1">x</a>')).toEqual([
      // `<a target="_self" ` is 18 characters: href starts at column 19.
      expect.objectContaining({column: 19, message: "script address in the narrative", found: "href=javascript:"})
    ]);
    expect(errorsOf('<a href="&#106;avascript:alert(1)">x</a>').map((e) => e.message)).toEqual([
      "script address in the narrative"
    ]);
    // A tab inside the scheme, dropped by the URL parser; said once, not once per pattern.
    expect(errorsOf('<a href="java&#9;script:alert(1)">x</a>')).toHaveLength(1);
  });

  it("refuses an image over plain http: or from //host, and a style fixed over the window (breaker: they passed)", () => {
    for (const body of [
      '<img src="http://example.com/x.png">',
      "![x](http://example.com/x.png)",
      '<img srcset="https://example.com/a.png 1x, http://example.com/b.png 2x">'
    ]) {
      expect(
        errorsOf(body).map((e) => e.message),
        body
      ).toEqual(["an insecure or protocol-relative address in the narrative"]);
    }
    expect(errorsOf('<div style="position: fixed; inset: 0">x</div>')).toEqual([
      expect.objectContaining({message: "page code in the narrative", found: "style position:fixed"})
    ]);
    // A link the reader follows may be http: or //host: it loads nothing into the page.
    expect(
      errorsOf('<a href="http://example.com">a</a> [b](http://example.com) <a href="//example.com/p">c</a>')
    ).toEqual([]);
  });

  it("reads the narrative as the site renders it and a browser parses it (second-round breaker's bypasses)", () => {
    const messages = (body: string) => errorsOf(body).map((e) => `${e.line}:${e.column} ${e.message} ${e.found}`);
    // A line of backticks that is no fence (a fence's info string has no backtick) hid the rest of the file.
    expect(messages("```x`\n\n<img src=https://e.example/x onerror=alert(1)>")).toEqual([
      // `<img src=https://e.example/x ` is 29 characters: onerror at column 30.
      "3:30 event handler in the narrative onerror="
    ]);
    // Backticks inside raw HTML are no code span; a handler after `/`; a `>` inside a quoted value.
    expect(messages("<div>\n`<img src=https://e.example/x onerror=alert(4)>`\n</div>")).toHaveLength(1);
    expect(messages('<div>\n<img src="https://e.example/x"/onerror=alert(8)>\n</div>')).toEqual([
      // `<img src="https://e.example/x"/` is 31 characters: onerror at column 32.
      "2:32 event handler in the narrative onerror="
    ]);
    expect(messages('para <img title=">" onerror=alert(6) src=https://e.example/x> end')).toHaveLength(1);
    // A stray quote before an entity-written script address; an http image beside it.
    expect(
      messages("<div>\n<a x=a\" href=java&#115;cript:alert(7)>x</a>\n<img x=a' src=http://e.example/h.png>\n</div>")
    ).toEqual([
      "2:9 script address in the narrative href=javascript:",
      '3:11 an insecure or protocol-relative address in the narrative src="http://e.example/h.png"'
    ]);
    // A reference-style image, a style's url(), an SVG filter image, all over http:.
    expect(messages("![r][ref]\n\n[ref]: http://e.example/r.png")).toHaveLength(1);
    expect(messages('<div style="background:url(http://e.example/b.png)">x</div>')).toHaveLength(1);
    expect(messages('<svg><feImage href="http://e.example/f.png"/></svg>')).toHaveLength(1);
    // A box out of the flow however the style spells it, each at its line; SVG animation.
    expect(
      messages(
        '<div style="position:/**/fixed;inset:0">a</div>\n<div style="pos\\69tion:fixed">b</div>\n<div style="position:absolute;inset:0">c</div>'
      )
    ).toEqual([
      "1:6 page code in the narrative style position:fixed",
      "2:6 page code in the narrative style position:fixed",
      "3:6 page code in the narrative style position:absolute"
    ]);
    expect(
      messages(
        '<svg><a href="https://e.example/"><animate attributeName="href" values="javascript:alert(9)"/></a></svg>'
      )
    ).toEqual(["1:35 page code in the narrative <animate>"]);
  });

  it("gives Framework nothing to run, however the narrative is written (second- and third-round breakers)", () => {
    const page = (body: string) => narrativePageMarkdown(body, () => "LIVE");
    for (const body of [
      "```x`\n\n${alert(3)}", // a line of backticks that opens no fence
      "<div>\n`${alert(44)}`\n</div>", // backticks inside raw HTML
      "Raw <code>${alert(1)}</code>", // a raw <code> element
      "Price \\${alert(2)}", // a backslash before ${
      "> ```js\n> alert(3)\n> ```", // a js fence in a blockquote
      "1. item\n\n    ```js\n    alert(4)\n    ```", // a js fence in a list item
      "<div>\n```\n</div>\n\n```js\nalert(5)\n```", // a fence a raw-HTML line of backticks put out of step
      "text\n```a`b\n\n```js\nalert(6)\n```" // the same from a paragraph line
    ]) {
      const html = page(body);
      // No ${ (an expression), and one line that opens an HTML block: no line of Markdown, so no fence, after it.
      expect(html, body).not.toContain("${");
      expect(html, body).not.toContain("\n");
      expect(html.startsWith("<div>"), body).toBe(true);
    }
    // What the checks refuse is not in the page either, where they were not run first.
    expect(page('<div style="translate:0 -100vh" onclick="x()">d</div><script>1</script>')).toBe(
      "<div><div>d</div></div>"
    );
  });

  it("refuses a narrative too long or nested too deeply to check in time (third-round breaker: minutes, then a crash)", () => {
    expect(errorsOf("a".repeat(50_001))).toEqual([
      expect.objectContaining({
        line: 1,
        message: "narrative too long",
        expected: "at most 50,000 characters of narrative (the bundled ones are under 10,000)",
        found: "50,001 characters"
      })
    ]);
    // 101 nested <div>s (MAX_NESTING is 100), and the page of them is written without overflowing the stack.
    const nested = "<div>".repeat(5_000);
    expect(errorsOf(nested).map((e) => e.message)).toEqual(["elements nested too deeply"]);
    expect(() => narrativePageMarkdown(nested, render)).not.toThrow();
  });

  it("fourth round (breaker): carriage returns, mXSS, a minus in calc(), comments, marks, the page's own ids", () => {
    const page = (body: string, reserved: string[] = []) =>
      narrativePageMarkdown(body, () => "LIVE", new Set(reserved));
    // &#13; is a carriage return, which Framework reads as a line break: two of them ended the HTML block.
    expect(page("<div>a&#13;&#13;~~~js&#13;x()&#13;~~~&#13;</div>")).not.toMatch(/[\r\n]/);
    expect(page('<pre>a&#13;&#13;b</pre> <span title="&#13;&#13;c">s</span>')).not.toMatch(/[\r\n]/);
    // Raw text that is markup once serialized and parsed again: refused, and not on the page.
    const mxss =
      '<math><mtext><table><mglyph><xmp><img src="https://i.example/" alt=">" onerror=alert(1)></xmp></mglyph></table></mtext></math>';
    expect(errorsOf(mxss).map((e) => e.message)).toContain("page code in the narrative");
    expect(page(mxss)).not.toContain("onerror");
    // calc(0px - 100vh) reads 0px-100vh once spaces go.
    expect(errorsOf('<p style="margin-top:calc(0px - 100vh)">m</p>').map((e) => e.found)).toEqual([
      "style margin-top:calc(0px-100vh)"
    ]);
    // A comment is dropped (a ${ in it was left as written); a $ in an attribute name is a reference.
    expect(page("<!-- ${x} {{metrics.siliconNpvUsd}} -->\n\ntext")).toBe("<div> <p>text</p> </div>");
    // The page's marks are not the author's: refused, and replaced on the page.
    expect(errorsOf("a \uE0020\uE003 b").map((e) => e.message)).toEqual(
      ["a private-use character in the narrative"].concat(["a private-use character in the narrative"])
    );
    expect(page("a \uE0020\uE003 {{metrics.siliconNpvUsd}}")).toBe("<div><p>a \uFFFD0\uFFFD LIVE</p> </div>");
    // A heading the page has already: the narrative's takes -1; an author's id the page has is dropped.
    expect(page("# Move the key assumptions", ["move-the-key-assumptions"])).toBe(
      '<div><h2 id="move-the-key-assumptions-1" tabindex="-1">Move the key assumptions</h2> </div>'
    );
    expect(page('<p id="how-sure-is-this">p</p>', ["how-sure-is-this"])).toBe("<div><p>p</p></div>");
  });

  it("accepts formatting, https images and links to the site's pages, and anything inside code", () => {
    const ok = [
      "**bold** <abbr title='net present value'>NPV</abbr> <sup>2</sup>",
      '<img src="https://example.com/a.png" alt="a chart">',
      "[the moat chapter](../moat) and [a section](#why) and [Epoch](https://epoch.ai/data)",
      "`<script>` and `onload=` written as code",
      "```html\n<script>alert(1)</script>\n```"
    ];
    for (const body of ok) expect(errorsOf(body), body).toEqual([]);
  });
});
