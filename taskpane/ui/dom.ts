/**
 * Building the pane's DOM. Data from rules files and workbooks only ever becomes text nodes (never
 * innerHTML), and links are made only for https addresses.
 */
type Child = Node | string | number | null | undefined | false;
type Attributes = Record<string, string | number | boolean | undefined | null>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "className") element.className = String(value);
    else element.setAttribute(name, value === true ? "" : String(value));
  }
  append(element, ...children);
  return element;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === "string" || typeof child === "number" ? document.createTextNode(String(child)) : child);
  }
}

export function replaceChildren(parent: Element, ...children: Child[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, ...children);
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`taskpane.html lacks #${id}`);
  return element as T;
}

/** The URL when it is a well-formed https address, else null. */
export function httpsUrl(text: string | null | undefined): string | null {
  if (!text) return null;
  try {
    const url = new URL(text);
    return url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

type OpenBrowserWindow = (url: string) => void;

function officeBrowserOpener(): OpenBrowserWindow | null {
  const office = (globalThis as { Office?: { context?: { ui?: { openBrowserWindow?: OpenBrowserWindow } } } }).Office;
  const open = office?.context?.ui?.openBrowserWindow;
  return typeof open === "function" ? open.bind(office!.context!.ui) : null;
}

/**
 * A link to an outside page: an <a> for https addresses (opened in the system browser by Office when it
 * can, else a new tab without access back to the pane), plain text for anything else.
 */
export function externalLink(url: string | null | undefined, text: string): HTMLElement {
  const safe = httpsUrl(url);
  if (!safe) return h("span", {}, text);
  const link = h("a", { href: safe, target: "_blank", rel: "noopener noreferrer" }, text);
  link.addEventListener("click", (event) => {
    event.preventDefault();
    const open = officeBrowserOpener();
    if (open) open(safe);
    else window.open(safe, "_blank", "noopener,noreferrer");
  });
  return link;
}

export function formatScore(score: number | null): string {
  return score === null ? "–" : score.toFixed(1);
}

export function formatCount(count: number): string {
  return count.toLocaleString("en-US");
}
