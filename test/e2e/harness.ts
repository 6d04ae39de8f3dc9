/**
 * Headless Chromium over the built add-in in dist/: a static http server on 127.0.0.1, Office.js routed
 * from node_modules/@microsoft/office-js (the shipped HTML keeps Microsoft's CDN URL), every other
 * external request aborted.
 */
import * as http from "http";
import * as fs from "fs";
import * as path from "path";
import { AddressInfo } from "net";
import { chromium, Browser, BrowserContext, Page } from "playwright-core";
import { compileRules, type CompiledRules } from "../../src/engine";
import { checkedRules } from "../rules/checked";

export const ROOT = path.resolve(__dirname, "..", "..");
export const DIST = path.join(ROOT, "dist");
const OFFICE_JS_DIST = path.join(ROOT, "node_modules", "@microsoft", "office-js", "dist");
const CDN_PREFIX = "https://appsforoffice.microsoft.com/lib/1/hosted/";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".map": "application/json",
  ".xml": "application/xml",
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
  /** Extra routes a test may add, e.g. a hosted rules file. */
  routes: Map<string, { status?: number; headers?: Record<string, string>; body: string | Buffer }>;
}

export async function serveDist(directory = DIST): Promise<StaticServer> {
  const routes: StaticServer["routes"] = new Map();
  const server = http.createServer((request, response) => {
    const urlPath = decodeURIComponent(new URL(request.url ?? "/", "http://127.0.0.1").pathname);
    const extra = routes.get(urlPath);
    if (extra) {
      response.writeHead(extra.status ?? 200, { "Access-Control-Allow-Origin": "*", ...(extra.headers ?? {}) });
      response.end(extra.body);
      return;
    }
    const file = path.join(directory, path.normalize(urlPath).replace(/^([/\\])+/, ""));
    if (!file.startsWith(directory) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      response.writeHead(404);
      response.end("not found");
      return;
    }
    response.writeHead(200, { "Content-Type": CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    routes,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface BrowserAndServer {
  browser: Browser;
  server: StaticServer;
}

/** One static server over dist/ and one Chromium per test file, started before its tests and closed after. */
export function useBrowserAndServer(): BrowserAndServer {
  const e2e = {} as BrowserAndServer;
  beforeAll(async () => {
    e2e.server = await serveDist();
    e2e.browser = await launchBrowser();
  });
  afterAll(async () => {
    await e2e.browser?.close();
    await e2e.server?.close();
  });
  return e2e;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-quic",
    ],
  });
}

/**
 * A context where Office.js comes from node_modules and nothing leaves the machine but loopback. `scale` is
 * the device pixel ratio: the pictures for the docs are taken at 2, so a 350 px pane gives a 700 px image.
 */
export async function offlineContext(browser: Browser, options: { width?: number; height?: number; scale?: number } = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: options.width ?? 400, height: options.height ?? 900 }, deviceScaleFactor: options.scale ?? 1 });
  // Playwright tries the most recently registered route first, so the catch-all goes in first.
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
  await context.route(`${CDN_PREFIX}**`, (route) => {
    const relative = route.request().url().slice(CDN_PREFIX.length).split("?")[0];
    const file = path.join(OFFICE_JS_DIST, relative);
    if (!file.startsWith(OFFICE_JS_DIST) || !fs.existsSync(file)) return route.fulfill({ status: 404, body: "" });
    return route.fulfill({ path: file, contentType: "text/javascript; charset=utf-8" });
  });
  return context;
}

/** Records page errors and console errors so a test can assert there were none. */
/**
 * A page's errors: uncaught exceptions, console errors, and violations of the page's Content-Security-Policy
 * (reported by the browser even when the code that caused one caught the error, as zod's `new Function` probe
 * does unless it is configured jitless). Call before the page loads.
 */
export async function collectErrors(page: Page): Promise<string[]> {
  await page.addInitScript(REPORT_CSP_VIOLATIONS);
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console: ${message.text()}`);
  });
  return errors;
}

/** Installed before any page script: every Content-Security-Policy violation becomes a console error. */
const REPORT_CSP_VIOLATIONS = `
  document.addEventListener("securitypolicyviolation", (event) => {
    console.error("Content-Security-Policy violation: " + event.violatedDirective + " (" + (event.blockedURI || "inline") + ")");
  });
`;

/**
 * Installed before any page script: wraps CustomFunctions.associate (which Office.js defines as a stub
 * outside Excel) so the test can see which ids were registered and call them like Excel would. Office.js
 * assigns `associate` after creating the object, so the wrapper is an accessor that keeps whatever
 * Office.js installs as the function it forwards to.
 */
export const RECORD_ASSOCIATIONS = `
  (() => {
    window.__associated = {};
    let real;
    const wrap = (cf) => {
      if (!cf || typeof cf !== "object" || cf.__chokepointWrapped) return cf;
      let original = typeof cf.associate === "function" ? cf.associate : null;
      const recording = function (id, fn) {
        if (id && typeof id === "object") Object.assign(window.__associated, id);
        else window.__associated[String(id).toUpperCase()] = fn;
        if (original) { try { return original.apply(this, arguments); } catch (e) { /* outside Excel */ } }
      };
      Object.defineProperty(cf, "associate", { configurable: true, enumerable: true, get: () => recording, set: (value) => { original = value; } });
      Object.defineProperty(cf, "__chokepointWrapped", { value: true });
      return cf;
    };
    Object.defineProperty(window, "CustomFunctions", { configurable: true, get() { return real; }, set(value) { real = wrap(value); } });
  })();
`;

/** The fake Excel host (fake-excel.js), as the text of an init script. */
export const FAKE_EXCEL = fs.readFileSync(path.join(__dirname, "fake-excel.js"), "utf8");

export interface OpenPane {
  context: BrowserContext;
  page: Page;
  errors: string[];
  close(): Promise<void>;
}

/**
 * The built task pane in a fake Excel host holding `spec` (see fake-excel.js), with the scoring date set to
 * `asOf` and the pane's first analysis done on that date. `recordAssociations` also records the custom
 * functions the shared runtime registers, so the test can call them as Excel would.
 */
export async function openPaneOn(
  e2e: BrowserAndServer,
  spec: unknown,
  options: { asOf: string; width?: number; height?: number; scale?: number; recordAssociations?: boolean },
): Promise<OpenPane> {
  const context = await offlineContext(e2e.browser, { width: options.width ?? 400, height: options.height ?? 1000, scale: options.scale });
  const page = await context.newPage();
  const errors = await collectErrors(page);
  if (options.recordAssociations) await page.addInitScript(RECORD_ASSOCIATIONS);
  await page.addInitScript({ content: `${FAKE_EXCEL};\ninstallFakeExcel(${JSON.stringify(spec)});` });
  await page.goto(`${e2e.server.url}taskpane.html`);
  await page.waitForSelector("#overall-score", { timeout: 20_000 });
  await page.fill("#as-of", options.asOf);
  await page.dispatchEvent("#as-of", "change");
  await page.waitForFunction((asOf) => document.getElementById("status")?.textContent?.includes(`as of ${asOf}`), options.asOf);
  return { context, page, errors, close: () => context.close() };
}

/** The errors a test cares about: Office.js warns that it runs outside an Office client, which here it does. */
export const realErrors = (errors: readonly string[]) =>
  errors.filter((e) => !/Office\.js is loaded outside of Office client|Expected to be loaded inside of an Excel add-in/i.test(e));

/** The rules document the build bundles (dist/rules/default-rules.json), as JSON. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests edit copies of it as plain JSON
export function distRulesJson(): any {
  return JSON.parse(fs.readFileSync(path.join(DIST, "rules", "default-rules.json"), "utf8"));
}

/** The rules the built add-in starts with, through the same parser and compiler: expectations are computed from these. */
export function distRules(): CompiledRules {
  return compileRules(checkedRules(distRulesJson()));
}

/**
 * The built add-in's shared runtime in a page (no Excel host), with the custom functions it registers recorded;
 * resolves once `ready` holds for the registered ids.
 */
export async function openFunctionsHost(e2e: BrowserAndServer, ready: (ids: string[]) => boolean): Promise<OpenPane> {
  const context = await offlineContext(e2e.browser);
  const page = await context.newPage();
  const errors = await collectErrors(page);
  await page.addInitScript(RECORD_ASSOCIATIONS);
  await page.goto(`${e2e.server.url}taskpane.html`);
  await page.waitForFunction(`(${ready.toString()})(Object.keys(window.__associated ?? {}))`, null, { timeout: 15_000 });
  return { context, page, errors, close: () => context.close() };
}
