/**
 * The built add-in loads in a real browser: taskpane.html with Office.js (served locally in place of the
 * CDN), no page errors, and every function declared in functions.json registered through
 * CustomFunctions.associate — a function missing from the page would show #NAME?/#BUSY! in Excel.
 */
import * as fs from "fs";
import * as path from "path";
import { DIST, RECORD_ASSOCIATIONS, collectErrors, offlineContext, useBrowserAndServer } from "./harness";

interface FunctionsMetadata {
  functions: { id: string; name: string }[];
}

function missingFunctions(metadata: FunctionsMetadata, registered: string[]): string[] {
  return metadata.functions.map((fn) => fn.id).filter((id) => !registered.includes(id));
}

const e2e = useBrowserAndServer();

test("the shipped page references Office.js on Microsoft's CDN, not a local copy", () => {
  const html = fs.readFileSync(path.join(DIST, "taskpane.html"), "utf8");
  // The production build minifies the HTML, so attribute quotes may be gone.
  expect(html).toMatch(/<script[^>]+src=["']?https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js/);
  expect(html).not.toMatch(/node_modules|@microsoft\/office-js/);
  for (const bundle of ["runtime", "shared", "functions", "taskpane"]) {
    expect(html).toMatch(new RegExp(`<script[^>]+src=["']?${bundle}\\.js`));
  }
  expect(html).toContain("Content-Security-Policy");
});

test("taskpane.html loads without errors and registers every function in functions.json", async () => {
  const metadata: FunctionsMetadata = JSON.parse(fs.readFileSync(path.join(DIST, "functions.json"), "utf8"));
  expect(metadata.functions.length).toBeGreaterThan(0);

  const context = await offlineContext(e2e.browser);
  const page = await context.newPage();
  const errors = await collectErrors(page);
  await page.addInitScript(RECORD_ASSOCIATIONS);
  await page.goto(`${e2e.server.url}taskpane.html`);
  await page.waitForFunction(() => typeof (window as unknown as { Office?: unknown }).Office !== "undefined");
  await page.waitForFunction(
    (count) => Object.keys((window as unknown as { __associated: Record<string, unknown> }).__associated).length >= count,
    metadata.functions.length,
    { timeout: 15_000 },
  );
  const registered = await page.evaluate(() => Object.keys((window as unknown as { __associated: Record<string, unknown> }).__associated));
  expect(missingFunctions(metadata, registered)).toEqual([]);

  const realErrors = errors.filter((e) => !/Office\.js is loaded outside of Office client/i.test(e));
  expect(realErrors).toEqual([]);
  await context.close();
});

test("RULESVERSION streams the active rules' version through the registered callback", async () => {
  const context = await offlineContext(e2e.browser);
  const page = await context.newPage();
  await page.addInitScript(RECORD_ASSOCIATIONS);
  await page.goto(`${e2e.server.url}taskpane.html`);
  await page.waitForFunction(() => "RULESVERSION" in ((window as unknown as { __associated?: object }).__associated ?? {}), null, { timeout: 15_000 });
  const first = await page.evaluate(
    () =>
      new Promise<unknown>((resolve, reject) => {
        const fn = (window as unknown as { __associated: Record<string, (inv: unknown) => void> }).__associated.RULESVERSION;
        const invocation = { setResult: (value: unknown) => resolve(value), onCanceled: () => undefined };
        try {
          fn(invocation);
        } catch (error) {
          reject(error);
        }
        setTimeout(() => reject(new Error("RULESVERSION set no result within 10 s")), 10_000);
      }),
  );
  const bundled = JSON.parse(fs.readFileSync(path.join(DIST, "rules", "default-rules.json"), "utf8"));
  expect(String(first)).toContain(bundled.version);
  await context.close();
});

test("the registration check catches a page whose functions bundle did not run", async () => {
  const metadata: FunctionsMetadata = JSON.parse(fs.readFileSync(path.join(DIST, "functions.json"), "utf8"));
  const context = await offlineContext(e2e.browser);
  await context.route(/\/functions\.js$/, (route) => route.fulfill({ contentType: "text/javascript", body: "/* functions bundle withheld */" }));
  const page = await context.newPage();
  await page.addInitScript(RECORD_ASSOCIATIONS);
  await page.goto(`${e2e.server.url}taskpane.html`);
  await page.waitForFunction(() => typeof (window as unknown as { Office?: unknown }).Office !== "undefined");
  await page.waitForTimeout(1_000);
  const registered = await page.evaluate(() => Object.keys((window as unknown as { __associated: Record<string, unknown> }).__associated));
  expect(missingFunctions(metadata, registered)).toEqual(metadata.functions.map((fn) => fn.id));
  await context.close();
});
