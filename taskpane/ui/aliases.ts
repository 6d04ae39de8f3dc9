/**
 * The workbook's own aliases in the pane: a picker that assigns a commodity to an item (or marks it not
 * controlled), used beside each unrecognised commodity, and the editable list of assignments.
 */
import type { Item } from "../../src/rules/schema";
import type { UserAliases, UserAliasIssue } from "../../src/engine/user-aliases";
import { describeUserAliasIssue } from "../../src/engine/user-aliases";
import { h, replaceChildren } from "./dom";

/** The value of the "not controlled" choice; item ids never start with a space. */
export const NOT_CONTROLLED_CHOICE = " not-controlled";
const NO_CHOICE = "";

export interface AliasHandlers {
  onAssign(commodity: string, itemId: string | null): void;
  onRemove(commodity: string): void;
}

/** A drop-down of every item (by name) plus "Not controlled"; `selected` is an item id, null (not controlled) or undefined (none yet). */
export function itemPicker(id: string, label: string, items: readonly Pick<Item, "id" | "name">[], selected: string | null | undefined): HTMLSelectElement {
  const sorted = [...items].sort((a, b) => a.name.localeCompare(b.name));
  return h(
    "select",
    { id, className: "cp-input cp-item-picker", "aria-label": label },
    selected === undefined ? h("option", { value: NO_CHOICE, selected: true }, "Assign to…") : null,
    h("option", { value: NOT_CONTROLLED_CHOICE, selected: selected === null }, "Not controlled"),
    ...sorted.map((item) => h("option", { value: item.id, selected: selected === item.id }, item.name)),
  );
}

/** The choice of a picker: an item id, null for "not controlled", undefined when nothing was chosen. */
export function pickedItem(select: HTMLSelectElement): string | null | undefined {
  if (select.value === NO_CHOICE) return undefined;
  return select.value === NOT_CONTROLLED_CHOICE ? null : select.value;
}

export function renderAliasList(
  container: HTMLElement,
  aliases: UserAliases,
  issues: readonly UserAliasIssue[],
  items: readonly Pick<Item, "id" | "name">[],
  handlers: AliasHandlers,
): void {
  if (aliases.aliases.length === 0) {
    replaceChildren(container, h("p", { className: "cp-muted", id: "aliases-empty" }, "No aliases yet. Assign an unrecognised commodity to an item to add one."));
    return;
  }
  const notes = issues.filter((issue) => issue.code === "alias_item_unknown");
  replaceChildren(
    container,
    h(
      "ul",
      { className: "cp-alias-list", id: "aliases-list" },
      ...aliases.aliases.map((alias, index) => {
        const picker = itemPicker(`alias-item-${index}`, `Item for “${alias.commodity}”`, items, alias.item);
        picker.addEventListener("change", () => {
          const item = pickedItem(picker);
          if (item !== undefined) handlers.onAssign(alias.commodity, item);
        });
        const remove = h("button", { type: "button", className: "cp-button cp-small", "aria-label": `Remove the alias “${alias.commodity}”` }, "Remove");
        remove.addEventListener("click", () => handlers.onRemove(alias.commodity));
        return h("li", { className: "cp-alias" }, h("span", { className: "cp-alias-text" }, alias.commodity), picker, remove);
      }),
    ),
    notes.length > 0 ? h("ul", { className: "cp-list cp-field-error" }, ...notes.map((issue) => h("li", {}, describeUserAliasIssue(issue)))) : null,
  );
}
