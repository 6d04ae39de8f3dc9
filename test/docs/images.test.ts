/**
 * The pictures in README.md and docs/: each one is on the list of pictures the browser tests take
 * (scripts/docs-images.js, `npm run docs:images`), at that list's fixed width and within its size limit, and
 * each picture the docs show exists. A picture drawn by hand, or one left behind when the docs stop
 * showing it, fails here.
 */
import * as fs from "fs";
import * as path from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { DOCS_IMAGES, MOST_BYTES, pngSize } = require("../../scripts/docs-images.js") as {
  DOCS_IMAGES: { artifact: string; image: string; width: number; test: string }[];
  MOST_BYTES: number;
  pngSize(file: string): { width: number; height: number; bytes: number };
};

const ROOT = path.join(__dirname, "..", "..");
const IMAGES = path.join(ROOT, "docs", "images");
const PAGES = ["README.md", ...fs.readdirSync(path.join(ROOT, "docs")).filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`)];

/** Every picture a page shows, as a path from the repository root: markdown images and <img> tags. */
function picturesShown(page: string): string[] {
  const text = fs.readFileSync(path.join(ROOT, page), "utf8");
  const targets = [...text.matchAll(/!\[[^\]]*\]\(([^)\s]+)[^)]*\)/g), ...text.matchAll(/<img\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]);
  return targets.filter((t) => !/^https?:/.test(t)).map((t) => path.posix.normalize(path.posix.join(path.posix.dirname(page), t)));
}

test("every picture in docs/images is one the tests take, at its fixed width and under the size limit", () => {
  const listed = new Map(DOCS_IMAGES.map((picture) => [picture.image, picture]));
  for (const file of fs.readdirSync(IMAGES)) {
    const picture = listed.get(file);
    expect({ file, listed: Boolean(picture) }).toEqual({ file, listed: true });
    const size = pngSize(path.join(IMAGES, file));
    expect({ file, width: size.width }).toEqual({ file, width: picture!.width });
    expect(size.bytes).toBeLessThanOrEqual(MOST_BYTES);
  }
  for (const picture of DOCS_IMAGES) {
    expect(fs.existsSync(path.join(IMAGES, picture.image))).toBe(true);
    expect(fs.existsSync(path.join(ROOT, picture.test))).toBe(true);
  }
});

test("every picture the docs show exists, and every picture taken for the docs is shown somewhere", () => {
  const shown = new Set(PAGES.flatMap(picturesShown));
  for (const target of shown) expect({ target, exists: fs.existsSync(path.join(ROOT, target)) }).toEqual({ target, exists: true });
  for (const picture of DOCS_IMAGES) expect({ image: picture.image, shown: shown.has(`docs/images/${picture.image}`) }).toEqual({ image: picture.image, shown: true });
});

test("the README's first screen shows the pane on the example list", () => {
  const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
  const firstReference = readme.search(/^## (Formulas|Command line|Rules|Sideloading|Folder layout)/m);
  expect(picturesShown("README.md")).toContain("docs/images/pane-example.png");
  expect(readme.indexOf("docs/images/pane-example.png")).toBeLessThan(firstReference);
});
