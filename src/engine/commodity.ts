/**
 * Commodity text → what the matcher reads: the canonical form, from the rules' naming rules, so aliases
 * and row text meet. HS codes in text are found by hs.ts.
 */
export { aliasKey, commodityWords, foldCharacters, itemNames, normalizeCommodity, stemWord, type ItemName, type NameForm } from "../rules/names";
