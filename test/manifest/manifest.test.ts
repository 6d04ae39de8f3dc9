/**
 * @jest-environment jsdom
 *
 * Offline structural check of manifest.xml. `office-addin-manifest validate` needs Microsoft's online
 * service and no package ships the XSDs, so the rules Office enforces are checked here.
 */
import * as fs from "fs";
import * as path from "path";

import { FUNCTIONS_NAMESPACE } from "../../src/functions/namespace";

const ROOT = path.resolve(__dirname, "..", "..");
const BT = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";
const XSI = "http://www.w3.org/2001/XMLSchema-instance";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { rewriteDevUrls } = require(path.join(ROOT, "scripts", "rewrite-dev-urls.js"));

function load(text = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8")): Document {
  const doc = new DOMParser().parseFromString(text, "application/xml");
  expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
  return doc;
}

const children = (element: Element) => Array.from(element.children);
const byLocalName = (root: Document | Element, name: string) => Array.from(root.getElementsByTagNameNS("*", name));

describe("manifest.xml", () => {
  const doc = load();
  const app = doc.documentElement;

  test("is a task-pane add-in whose top-level elements come in the order the schema requires", () => {
    expect(app.localName).toBe("OfficeApp");
    expect(app.getAttributeNS(XSI, "type")).toBe("TaskPaneApp");
    const order = [
      "Id", "AlternateId", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl",
      "HighResolutionIconUrl", "SupportUrl", "AppDomains", "Hosts", "Requirements", "DefaultSettings", "Permissions",
      "VersionOverrides",
    ];
    const names = children(app).map((c) => c.localName);
    const positions = names.map((n) => order.indexOf(n));
    expect(positions).not.toContain(-1);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    for (const required of ["Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "SupportUrl", "Hosts", "DefaultSettings", "Permissions"]) {
      expect(names).toContain(required);
    }
  });

  test("has a GUID id, a four-part version and targets Excel workbooks", () => {
    expect(byLocalName(doc, "Id")[0].textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(byLocalName(doc, "Version")[0].textContent).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(byLocalName(app.querySelector("Hosts")!, "Host")[0].getAttribute("Name")).toBe("Workbook");
  });

  test("every resid is defined once in Resources, and strings respect Office's length limits", () => {
    const defined = new Map<string, Element>();
    for (const group of ["Images", "Urls", "ShortStrings", "LongStrings"]) {
      for (const el of Array.from(doc.getElementsByTagNameNS(BT, group)[0]?.children ?? [])) {
        const id = el.getAttribute("id")!;
        expect(defined.has(id)).toBe(false);
        defined.set(id, el);
      }
    }
    const used = Array.from(doc.querySelectorAll("[resid]")).map((el) => el.getAttribute("resid")!);
    expect(used.length).toBeGreaterThan(5);
    for (const id of used) expect(defined.has(id)).toBe(true);
    for (const s of Array.from(doc.getElementsByTagNameNS(BT, "ShortStrings")[0].children)) {
      expect((s.getAttribute("DefaultValue") ?? "").length).toBeLessThanOrEqual(125);
    }
    for (const s of Array.from(doc.getElementsByTagNameNS(BT, "LongStrings")[0].children)) {
      expect((s.getAttribute("DefaultValue") ?? "").length).toBeLessThanOrEqual(250);
    }
  });

  test("uses one shared runtime: Runtime, custom-functions Page and FunctionFile share a resid, lifetime long", () => {
    const sets = byLocalName(app.querySelector("Requirements")!, "Set");
    expect(sets.some((s) => s.getAttribute("Name") === "SharedRuntime" && s.getAttribute("MinVersion") === "1.1")).toBe(true);
    const host = byLocalName(doc, "Host").find((h) => h.getAttributeNS(XSI, "type") === "Workbook")!;
    expect(children(host)[0].localName).toBe("Runtimes");
    const runtime = byLocalName(host, "Runtime")[0];
    expect(runtime.getAttribute("lifetime")).toBe("long");
    const cf = byLocalName(host, "ExtensionPoint").find((e) => e.getAttributeNS(XSI, "type") === "CustomFunctions")!;
    const page = byLocalName(byLocalName(cf, "Page")[0], "SourceLocation")[0].getAttribute("resid");
    const functionFile = byLocalName(host, "FunctionFile")[0].getAttribute("resid");
    expect(page).toBe(runtime.getAttribute("resid"));
    expect(functionFile).toBe(runtime.getAttribute("resid"));
  });

  test("declares the CHOKEPOINT namespace and points at the built functions files", () => {
    const urls = Object.fromEntries(
      Array.from(doc.getElementsByTagNameNS(BT, "Urls")[0].children).map((u) => [u.getAttribute("id"), u.getAttribute("DefaultValue")]),
    );
    const strings = Object.fromEntries(
      Array.from(doc.getElementsByTagNameNS(BT, "ShortStrings")[0].children).map((u) => [u.getAttribute("id"), u.getAttribute("DefaultValue")]),
    );
    const namespaceResid = byLocalName(doc, "Namespace")[0].getAttribute("resid")!;
    expect(strings[namespaceResid]).toBe("CHOKEPOINT");
    expect(urls["Functions.Script.Url"]).toMatch(/\/functions\.js$/);
    expect(urls["Functions.Metadata.Url"]).toMatch(/\/functions\.json$/);
    expect(urls["Taskpane.Url"]).toMatch(/\/taskpane\.html$/);
    // The functions find their own formulas (to recalculate them) and name them in messages by this namespace.
    expect(strings[namespaceResid]).toBe(FUNCTIONS_NAMESPACE);
  });

  test("has a Home-tab button that opens the pane, with icons at 16, 32 and 80 px and a 64 px store icon", () => {
    const tab = byLocalName(doc, "OfficeTab")[0];
    expect(tab.getAttribute("id")).toBe("TabHome");
    const action = byLocalName(tab, "Action")[0];
    expect(action.getAttributeNS(XSI, "type")).toBe("ShowTaskpane");
    const images = Array.from(doc.getElementsByTagNameNS(BT, "Images")[0].children).map((i) => i.getAttribute("DefaultValue")!);
    const referenced = [...images, byLocalName(doc, "IconUrl")[0].getAttribute("DefaultValue")!, byLocalName(doc, "HighResolutionIconUrl")[0].getAttribute("DefaultValue")!];
    for (const size of [16, 32, 64, 80]) {
      expect(referenced.some((u) => u.endsWith(`/assets/icon-${size}.png`))).toBe(true);
      const png = fs.readFileSync(path.join(ROOT, "assets", `icon-${size}.png`));
      expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
      expect(png.readUInt32BE(16)).toBe(size); // IHDR width
      expect(png.readUInt32BE(20)).toBe(size); // IHDR height
    }
  });

  test("every URL is https", () => {
    const values = Array.from(doc.querySelectorAll("*"))
      .flatMap((el) => [el.getAttribute("DefaultValue") ?? "", ...(el.children.length === 0 ? [el.textContent ?? ""] : [])])
      .filter((v) => /^[a-z]+:\/\//i.test(v));
    expect(values.length).toBeGreaterThan(8);
    for (const v of values) expect(v).toMatch(/^https:\/\//);
  });

  test("the production rewrite replaces every localhost URL, AppDomains included", () => {
    const original = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
    const rewritten: string = rewriteDevUrls(original, "https://addins.example.com/chokepoint/");
    expect((original.match(/localhost/g) ?? []).length).toBeGreaterThan(8);
    expect(rewritten).not.toMatch(/localhost/);
    const doc2 = load(rewritten);
    expect(byLocalName(doc2, "AppDomain")[0].textContent).toBe("https://addins.example.com");
    expect(rewritten).toContain("https://addins.example.com/chokepoint/functions.json");
  });
});
