/**
 * Pictures of the pane for the docs, taken by the browser tests: the pane at its usual 350 px width and a
 * device pixel ratio of 2, so every picture is exactly 700 px wide and sharp. They are saved under
 * test/e2e/artifacts/docs/; `npm run docs:images` (scripts/docs-images.js) copies the chosen ones to docs/images.
 */
import * as fs from "fs";
import * as path from "path";
import type { Page } from "playwright-core";

export const PICTURES = path.join(__dirname, "artifacts", "docs");
export const PANE_WIDTH = 350;
export const PICTURE_SCALE = 2;
export const PICTURE_WIDTH = PANE_WIDTH * PICTURE_SCALE;

export function pngSize(file: string): { width: number; height: number } {
  // A PNG starts with an 8-byte signature and the IHDR chunk, whose data holds width then height (big-endian).
  const bytes = fs.readFileSync(file);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/**
 * Saves the full width of the pane from the top of `from` to the bottom of `to` (default: `from` itself) as
 * `name` under PICTURES, and returns the file's path.
 */
export async function pictureOfPane(page: Page, name: string, from: string, to: string = from): Promise<string> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  // Where the two elements sit on the page, not in the viewport (which may have scrolled).
  const onPage = (selector: string) =>
    page.locator(selector).evaluate((element) => {
      const box = element.getBoundingClientRect();
      return box.width === 0 && box.height === 0 ? null : { y: box.top + window.scrollY, height: box.height };
    });
  const top = await onPage(from);
  const bottom = await onPage(to);
  if (!top || !bottom) throw new Error(`${from} or ${to} is not visible`);
  const margin = 8;
  const y = Math.max(0, top.y - margin);
  const width = page.viewportSize()?.width ?? PANE_WIDTH;
  fs.mkdirSync(PICTURES, { recursive: true });
  const file = path.join(PICTURES, name);
  await page.screenshot({ path: file, fullPage: true, clip: { x: 0, y, width, height: bottom.y + bottom.height + margin - y } });
  return file;
}
