/** One drop-down per field the scorer reads, listing the table's headers; "not used" leaves the field out. */
import { columnLetter } from "../excel/addresses";
import { COLUMN_FIELDS, type ColumnField } from "../../src/engine/columns";
import type { ResolvedMapping } from "../column-mapping";
import { h, replaceChildren } from "./dom";

export const FIELD_LABELS: Record<ColumnField, string> = {
  supplier: "Supplier",
  commodity: "Commodity (required)",
  supplier_country: "Supplier country",
  site_country: "Site country",
  china_input_share: "China input share",
  china_technology: "China technology reliance",
  china_equipment: "China equipment reliance",
  china_personnel: "China personnel reliance",
  spend: "Spend",
};

const NOT_USED = "";


export function renderMappingFields(
  container: HTMLElement,
  firstColumn: number,
  resolved: ResolvedMapping,
  onChange: (field: ColumnField, header: string | null) => void,
): void {
  const headers = resolved.map.headers;
  replaceChildren(
    container,
    ...COLUMN_FIELDS.map((field) => {
      const id = `map-${field}`;
      const chosen = resolved.map.columns[field];
      const select = h(
        "select",
        { id, className: "cp-input", "aria-invalid": field === "commodity" && chosen === undefined ? "true" : undefined },
        h("option", { value: NOT_USED }, "(not used)"),
        ...headers.map((header, column) =>
          header === "" ? null : h("option", { value: String(column), selected: column === chosen }, `${columnLetter(firstColumn + column)}: ${header}`),
        ),
      );
      select.addEventListener("change", () => {
        const column = select.value === NOT_USED ? null : Number(select.value);
        onChange(field, column === null ? null : headers[column]);
      });
      const mark = resolved.chosenByUser.includes(field) ? h("span", { className: "cp-muted" }, " (your choice)") : null;
      return h("div", { className: "cp-field" }, h("label", { for: id }, FIELD_LABELS[field], mark), select);
    }),
  );
}

export function mappingSummary(resolved: ResolvedMapping): string {
  const found = COLUMN_FIELDS.filter((field) => resolved.map.columns[field] !== undefined).length;
  return `Columns (${found} of ${COLUMN_FIELDS.length} matched)`;
}
