/**
 * The bundled rules' lean copy (lean.ts) leaves out, as the first load carries it, the fields that hold the value
 * most objects at their place hold, and this puts them back when the module is first imported. Apart from lean.ts,
 * which only the part that compares editions needs, so that the first load carries this alone.
 */
import type { RulesDocument } from "./schema";

/**
 * A field the first load leaves out of the objects at a path (keys from the document's root, arrays passed through:
 * "listings.entities") where it holds the value most of them hold: a default such as false, null or an empty list,
 * or a value shared by most entries ("material"). The build keeps those that save more than they cost
 * (scripts/checked-rules-loader.js). A list of three, as the first load carries it: path, field, value.
 */
export type OmittedDefault = readonly [path: string, field: string, value: string | number | boolean | null | []];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Common = OmittedDefault[2];

const isObject = (value: unknown): value is Record<string, Json> => typeof value === "object" && value !== null && !Array.isArray(value);
/** A value that can stand for a field left out: a scalar, or an empty list (written "[]" as a key). */
const commonKey = (value: Json | undefined): string | null =>
  Array.isArray(value) ? (value.length === 0 ? "[]" : null) : isObject(value) || value === undefined ? null : JSON.stringify(value);
const FEWEST_OMITTED = 2;

function objectsAt(root: Json, path: string, visit: (object: Record<string, Json>) => void): void {
  const walk = (value: Json | undefined, keys: readonly string[]): void => {
    if (Array.isArray(value)) {
      for (const element of value) walk(element, keys);
    } else if (isObject(value)) {
      if (keys.length === 0) visit(value);
      else walk(value[keys[0]], keys.slice(1));
    }
  };
  walk(root, path === "" ? [] : path.split("."));
}

/**
 * The fields that could be left out of the document: each where it holds the value most objects at its path hold,
 * and only where every object at its path has it, so that its absence says which value it held.
 */
export function omittableDefaults(doc: RulesDocument): OmittedDefault[] {
  const fields = new Map<string, { path: string; field: string; present: number; counts: Map<string, number> }>();
  const collect = (value: Json, path: string): void => {
    if (Array.isArray(value)) {
      for (const element of value) collect(element, path);
      return;
    }
    if (!isObject(value)) return;
    for (const [field, child] of Object.entries(value)) {
      const key = `${path}\u0000${field}`;
      const entry = fields.get(key) ?? { path, field, present: 0, counts: new Map<string, number>() };
      entry.present += 1;
      const common = commonKey(child);
      if (common !== null) entry.counts.set(common, (entry.counts.get(common) ?? 0) + 1);
      fields.set(key, entry);
      collect(child, path === "" ? field : `${path}.${field}`);
    }
  };
  const document = doc as unknown as Json;
  collect(document, "");
  const omittable: OmittedDefault[] = [];
  for (const entry of fields.values()) {
    const [mode, count] = [...entry.counts].sort((a, b) => b[1] - a[1])[0] ?? ["", 0];
    if (count < FEWEST_OMITTED) continue;
    let objects = 0;
    objectsAt(document, entry.path, () => (objects += 1));
    if (objects === entry.present) omittable.push([entry.path, entry.field, mode === "[]" ? [] : (JSON.parse(mode) as Common)]);
  }
  return omittable;
}

/** A copy of the document without the fields `omitted` names where they hold their value. */
export function omitDefaults(doc: RulesDocument, omitted: readonly OmittedDefault[]): Json {
  const document = JSON.parse(JSON.stringify(doc)) as Json;
  for (const [path, field, value] of omitted) {
    const key = commonKey(value);
    objectsAt(document, path, (object) => {
      if (commonKey(object[field]) === key) delete object[field];
    });
  }
  return document;
}

/** The document `omitDefaults` made, with every field it left out back in place (a fresh list for each). */
export function withDefaults(document: unknown, omitted: readonly OmittedDefault[]): RulesDocument {
  for (const [path, field, value] of omitted) {
    objectsAt(document as Json, path, (object) => {
      if (!(field in object)) object[field] = Array.isArray(value) ? [] : value;
    });
  }
  return document as RulesDocument;
}
