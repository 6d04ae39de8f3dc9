// Renders docs/*.md into the HTML pages the add-in serves (the formula help URLs point at
// docs/functions.html#score and so on). Headings get GitHub-style ids so those anchors land.
"use strict";
const { Marked } = require("marked");

function slug(text) {
  return text
    .toLowerCase()
    .replace(/<[^>]*>/g, "")
    .replace(/[^\p{L}\p{N}\s-]/gu, "")
    .trim()
    .replace(/\s+/g, "-");
}

function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

const STYLE = `body{font-family:"Segoe UI",-apple-system,Roboto,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#242424}
code,pre{font-family:Consolas,"Cascadia Mono",monospace;font-size:.9em}pre{background:#f5f5f5;padding:.75rem;overflow:auto}
table{border-collapse:collapse}td,th{border:1px solid #d1d1d1;padding:.25rem .5rem}a{color:#0f6cbd}`;

function renderMarkdownPage(markdown) {
  const seen = new Map();
  const marked = new Marked({
    gfm: true,
    renderer: {
      heading({ tokens, depth }) {
        const inner = this.parser.parseInline(tokens);
        const base = slug(inner) || "section";
        const count = seen.get(base) ?? 0;
        seen.set(base, count + 1);
        const id = count === 0 ? base : `${base}-${count}`;
        return `<h${depth} id="${id}">${inner}</h${depth}>\n`;
      },
      link({ href, title, tokens }) {
        const target = /^[\w./-]+\.md(#.*)?$/.test(href) ? href.replace(/\.md(?=#|$)/, ".html") : href;
        const titleAttr = title ? ` title="${escapeHtml(title)}"` : "";
        return `<a href="${escapeHtml(target)}"${titleAttr}>${this.parser.parseInline(tokens)}</a>`;
      },
    },
  });
  const body = marked.parse(markdown.toString());
  const title = /^#\s+(.+)$/m.exec(markdown.toString())?.[1] ?? "Chokepoint";
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title.replace(/`/g, ""))}</title><style>${STYLE}</style></head><body>\n${body}</body></html>\n`;
}

module.exports = { renderMarkdownPage, slug };
