// A number typed in a slider's box that the key does not take is refused with a line under the slider, in the words a
// share link's notice gives for the same value, and the page keeps what it showed: "150" typed in the serving
// utilisation box became 100% and "0" the slider's 5% (the key's floor is 1%), without a word (tester). The scenario
// pages' panel (ScenarioControls) and a chapter's slider (KeySlider, rangeBox.ts) alike; a number the key takes applies.
// The line goes once the box is typed in again, cleared included.
import type {Page} from "playwright-core";
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {closePage, launchBrowser, NO_PROBLEMS, openPage, pageProblems, screenshot, waitForRender} from "./browser.js";

const enabled = inject("browserTestsEnabled");

/** Types `text` in the box as a reader does (key by key, each keystroke an "input"), then presses Enter. */
async function typeInBox(page: Page, box: string, text: string): Promise<void> {
  await page.click(box, {clickCount: 3});
  await page.keyboard.press("Backspace");
  await page.keyboard.type(text);
  await page.press(box, "Enter");
  await waitForRender(page);
}

/** Empties the box as a reader does (select all, Backspace), without committing it. */
async function clearBox(page: Page, box: string): Promise<void> {
  await page.click(box, {clickCount: 3});
  await page.keyboard.press("Backspace");
}

describe.skipIf(!enabled)("a number typed in a slider's box", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("on a scenario page, is refused in the share link's words outside the key's range, and applies within it", async () => {
    const control = '.scenario-control[data-key="serving.utilization"]';
    const box = `${control} input[type=number]`;
    const page = await openPage(browser, "/scenarios/base");
    // The same value in a link: its notice's reason is what the box says.
    const linked = await openPage(browser, "/scenarios/base?set=serving.utilization%3D150%25");
    try {
      const linkReason = await linked.$eval("[data-notice] li", (li) => (li as HTMLElement).dataset.reason!);
      expect(linkReason).toMatch(/^out of range: expected .*found 150%$/);
      await page.locator(box).scrollIntoViewIfNeeded();
      const start = {
        box: await page.inputValue(box),
        thumb: await page.inputValue(`${control} input[type=range]`),
        metrics: await page.$$eval("[data-metric] [data-value]", (cells) =>
          cells.map((cell) => (cell as HTMLElement).dataset.value)
        )
      };
      for (const [typed, found] of [
        // In the box's percent, as typed: "150 % typed … found 1.5" mixed the box's percent with a fraction (trial).
        ["150", "150%"],
        ["0", "0%"],
        ["-5", "-5%"]
      ] as const) {
        await typeInBox(page, box, typed);
        const note = page.locator(`${control} .typed-refusal`);
        expect(await note.isVisible()).toBe(true);
        const text = (await note.textContent())!;
        expect(text).toContain(`Not applied: ${typed} % typed.`);
        expect(text).toContain(`serving.utilization=${found} — out of range: expected`);
        expect(text).toContain(`found ${found}. Kept ${start.box} %.`);
        if (typed === "150") {
          expect(await note.getAttribute("data-typed-refusal")).toBe(`serving.utilization=150% — ${linkReason}`);
          await screenshot(page, "typed-refusal-scenario");
        }
        // Nothing moved: the box, the thumb, the address and the figures are as before.
        expect(await page.inputValue(box)).toBe(start.box);
        expect(await page.inputValue(`${control} input[type=range]`)).toBe(start.thumb);
        expect(new URL(page.url()).searchParams.getAll("set")).toEqual([]);
        expect(
          await page.$$eval("[data-metric] [data-value]", (cells) =>
            cells.map((cell) => (cell as HTMLElement).dataset.value)
          )
        ).toEqual(start.metrics);
      }
      // A value the key takes applies as before, and the line goes.
      await typeInBox(page, box, "70");
      expect(await page.inputValue(box)).toBe("70");
      expect(await page.locator(`${control} .typed-refusal`).isVisible()).toBe(false);
      await expect.poll(() => new URL(page.url()).searchParams.getAll("set")).toEqual(["serving.utilization=0.7"]);
      // Refused over 70, then 70 typed again: the box reads what the page set it to, and chromium fires no "change";
      // the line went on standing over the 70 it had taken (breaker).
      await typeInBox(page, box, "150");
      expect(await page.locator(`${control} .typed-refusal`).isVisible()).toBe(true);
      expect(await page.locator(`${control} .typed-refusal`).textContent()).toContain("Kept 70 %.");
      await typeInBox(page, box, "70");
      expect(await page.inputValue(box)).toBe("70");
      expect(await page.locator(`${control} .typed-refusal`).isVisible()).toBe(false);
      // Leaving the box without typing keeps a refusal's line.
      await typeInBox(page, box, "0");
      await page.locator(box).blur();
      expect(await page.locator(`${control} .typed-refusal`).isVisible()).toBe(true);
      // Cleared, the box holds no refused number: the line goes, and stays gone once the box is left, the slider
      // keeping its value (it stood on over 1e3 cleared; new-user trial).
      await clearBox(page, box);
      expect(await page.locator(`${control} .typed-refusal`).isVisible()).toBe(false);
      await page.locator(box).blur();
      await waitForRender(page);
      expect(await page.locator(`${control} .typed-refusal`).isVisible()).toBe(false);
      expect(await page.inputValue(box)).toBe("70");
      expect(await page.inputValue(`${control} input[type=range]`)).toBe("70");
      // 4%, below the slider's 5% but within the key's 1–100%: applied, the slider stretched to it, and a line says
      // why the box took it (it did so without a word; new-user trial).
      await typeInBox(page, box, "4");
      expect(await page.inputValue(box)).toBe("4");
      expect(await page.getAttribute(`${control} input[type=range]`, "min")).toBe("4");
      const stretched = page.locator(`${control} .typed-stretch`);
      expect(await stretched.isVisible()).toBe(true);
      expect(await stretched.textContent()).toBe(
        "Applied 4 %, below this slider's 5 to 100 %: serving.utilization takes 1 to 100 %, so the slider now " +
          "starts at 4 %."
      );
      await expect.poll(() => new URL(page.url()).searchParams.getAll("set")).toEqual(["serving.utilization=0.04"]);
      await screenshot(page, "typed-stretch-scenario");
      expect(await pageProblems(page)).toEqual(NO_PROBLEMS);
    } finally {
      await closePage(linked);
      await closePage(page);
    }
  });

  it("on a chapter page, is refused with the same words and the slider keeps its value", async () => {
    const page = await openPage(browser, "/token-economics");
    const slider = '[data-testid="control-utilization"]';
    const box = `${slider} input[type=number]`;
    try {
      await page.locator(box).scrollIntoViewIfNeeded();
      const before = await page.inputValue(box);
      await typeInBox(page, box, "150");
      const note = page.locator(`${slider} .typed-refusal`);
      expect(await note.isVisible()).toBe(true);
      expect(await note.textContent()).toMatch(
        /^Not applied: 150 % typed\. serving\.utilization=150% — out of range: expected .*found 150%\. Kept \d+ %\.$/
      );
      expect(await page.inputValue(box)).toBe(before);
      expect(await page.inputValue(`${slider} input[type=range]`)).toBe(before);
      await screenshot(page, "typed-refusal-chapter");
      await typeInBox(page, box, "70");
      expect(await page.inputValue(box)).toBe("70");
      expect(await note.isVisible()).toBe(false);
      // Refused over 70, then 70 typed again: the line goes (chromium fires no "change" for it; breaker).
      await typeInBox(page, box, "150");
      expect(await note.textContent()).toContain("Kept 70 %.");
      await typeInBox(page, box, "70");
      expect(await page.inputValue(box)).toBe("70");
      expect(await page.inputValue(`${slider} input[type=range]`)).toBe("70");
      expect(await note.isVisible()).toBe(false);
      // Leaving the box without typing keeps a refusal's line.
      await typeInBox(page, box, "0");
      await page.locator(box).blur();
      expect(await note.isVisible()).toBe(true);
      // Cleared, the line goes, and stays gone once the box is left, the slider keeping its value (new-user trial).
      await clearBox(page, box);
      expect(await note.isVisible()).toBe(false);
      await page.locator(box).blur();
      await waitForRender(page);
      expect(await note.isVisible()).toBe(false);
      expect(await page.inputValue(box)).toBe("70");
      expect(await page.inputValue(`${slider} input[type=range]`)).toBe("70");
      expect(await pageProblems(page)).toEqual(NO_PROBLEMS);
    } finally {
      await closePage(page);
    }
  });
});
