/**
 * A small HTML rendering of an Excel entity card, for the picture in docs/functions.md: the card's title
 * and subtitle properties, then each layout section in order with its fields (a collapsed section shows
 * only its title, as Excel shows it closed). Numbers are shown in their number format for the few
 * formats the PROFILE card uses. It renders only what the entity value says — it is not Excel's card.
 */

/** The width of the rendered card in CSS pixels, and so of the picture. */
export const CARD_WIDTH = 720;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

function formatNumber(value: number, numberFormat: string | undefined): string {
  if (numberFormat === "0%") return `${Math.round(value * 100)}%`;
  if (numberFormat === "0.0") return value.toFixed(1);
  return String(value);
}

function cellText(value: Excel.CellValue): string {
  switch (value.type) {
    case "FormattedNumber":
    case "Double":
      return formatNumber(value.basicValue, value.numberFormat);
    case "Boolean":
      return value.basicValue ? "TRUE" : "FALSE";
    case "String":
      return value.basicValue;
    default:
      return String((value as { basicValue?: unknown }).basicValue ?? "");
  }
}

function valueHtml(value: Excel.CellValue): string {
  if (value.type !== "Array") return `<span class="value">${escapeHtml(cellText(value))}</span>`;
  const [header, ...rows] = value.elements;
  const cellClass = (shown: string) => (/^https?:/.test(shown) ? "link" : "");
  const cellHtml = (tag: "th" | "td", cell: Excel.CellValue) => {
    const shown = cellText(cell);
    return `<${tag} class="${cellClass(shown)}">${escapeHtml(shown)}</${tag}>`;
  };
  // Column widths follow the longest entry of each column, capped, so titles and links wrap and short columns do not.
  const longest = header.map((_, column) => Math.min(26, Math.max(10, ...value.elements.map((row) => cellText(row[column]).length))));
  const total = longest.reduce((sum, width) => sum + width, 0);
  const columns = `<colgroup>${longest.map((width) => `<col style="width:${((100 * width) / total).toFixed(1)}%">`).join("")}</colgroup>`;
  const head = `<tr>${header.map((cell) => cellHtml("th", cell)).join("")}</tr>`;
  const body = rows.map((row) => `<tr>${row.map((cell) => cellHtml("td", cell)).join("")}</tr>`).join("");
  return `<table>${columns}${head}${body}</table>`;
}

function fieldHtml(name: string, value: Excel.CellValue): string {
  const layout = value.type === "Array" ? "field block" : "field";
  return `<div class="${layout}"><span class="name">${escapeHtml(name)}</span>${valueHtml(value)}</div>`;
}

export function cardHtml(entity: Excel.EntityCellValue): string {
  const properties = (entity.properties ?? {}) as Record<string, Excel.CellValue>;
  const card = entity.layouts?.card;
  const referenced = (reference: Excel.CardLayoutPropertyReference | string | undefined) =>
    reference === undefined ? "" : typeof reference === "string" ? reference : cellText(properties[reference.property]);
  const sections = (card?.sections ?? [])
    .map((section) => {
      const title = section.title ? `<h2>${section.collapsed ? "▸" : "▾"} ${escapeHtml(section.title)}</h2>` : "";
      const fields = section.collapsed ? "" : section.properties.map((name) => fieldHtml(name, properties[name])).join("");
      return `<section>${title}${fields}</section>`;
    })
    .join("");
  const style = `
    body { margin: 0; background: #f3f3f3; font: 13px "Segoe UI", "DejaVu Sans", Arial, sans-serif; color: #242424; }
    .card { width: ${CARD_WIDTH}px; box-sizing: border-box; background: #fff; border: 1px solid #d1d1d1; padding: 16px 18px; }
    h1 { font-size: 20px; margin: 0; } .subtitle { color: #616161; margin: 2px 0 10px; }
    h2 { font-size: 13px; margin: 12px 0 4px; padding-top: 8px; border-top: 1px solid #e0e0e0; }
    .field { display: flex; gap: 12px; padding: 2px 0; } .field .name { flex: 0 0 190px; color: #616161; }
    .field .value { overflow-wrap: anywhere; } .field.block { display: block; } .field.block .name { display: block; margin-bottom: 2px; }
    table { border-collapse: collapse; width: 100%; font-size: 11px; table-layout: fixed; }
    th, td { border: 1px solid #e0e0e0; padding: 2px 4px; text-align: left; vertical-align: top; }
    th, td { overflow-wrap: break-word; } .link { word-break: break-all; }
    th { background: #f5f5f5; font-weight: 600; }
    .provider { margin-top: 12px; color: #616161; font-size: 11px; }`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(entity.text ?? "")}</title><style>${style}</style></head>
<body><div class="card"><h1>${escapeHtml(referenced(card?.title))}</h1><div class="subtitle">${escapeHtml(referenced(card?.subTitle))}</div>${sections}
<div class="provider">${escapeHtml(entity.provider?.description ?? "")}</div></div></body></html>`;
}
