/**
 * The editable list of the workbook's own aliases (./ui/aliases.ts), fetched from the add-in's server when the
 * "Your aliases" section is first opened: closed, it shows only the count.
 */
export type AliasListPart = typeof import("./ui/aliases");

export type AliasListLoader = () => Promise<AliasListPart>;

export const loadAliasList: AliasListLoader = () => import(/* webpackChunkName: "alias-list" */ "./ui/aliases");
