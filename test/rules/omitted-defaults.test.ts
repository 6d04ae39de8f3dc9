/**
 * src/rules/omitted-defaults.ts: the first load's copy of the bundled rules leaves out the fields holding the value
 * most objects at their place hold, and puts them back on import. Nothing may be lost or changed on the way.
 */
import bundled from "../checked-bundled-rules";
import { leanDocument } from "../../src/rules/lean";
import { omitDefaults, omittableDefaults, withDefaults, type OmittedDefault } from "../../src/rules/omitted-defaults";
import type { RulesDocument } from "../../src/rules/schema";

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

test("every field left out of the bundled rules comes back with the value it held", () => {
  const lean = leanDocument(bundled);
  const omitted = omittableDefaults(lean);
  expect(omitted.length).toBeGreaterThan(10);
  const shortened = omitDefaults(lean, omitted);
  expect(JSON.stringify(shortened).length).toBeLessThan(JSON.stringify(lean).length);
  expect(withDefaults(copy(shortened), omitted)).toEqual(copy(lean));
});

test("a field some object at its place lacks is never left out, since its absence would say nothing", () => {
  const doc = { items: [{ id: "a", kind: "material" }, { id: "b", kind: "material" }, { id: "c" }] } as unknown as RulesDocument;
  expect(omittableDefaults(doc).map(([path, field]) => `${path}.${field}`)).not.toContain("items.kind");
});

test("each restored list is a list of its own, and fields that held another value keep it", () => {
  const doc = { items: [{ id: "a", grades: [] }, { id: "b", grades: [] }, { id: "c", grades: [{ id: "g" }] }] } as unknown as RulesDocument;
  const omitted: OmittedDefault[] = [["items", "grades", []]];
  const shortened = omitDefaults(doc, omitted) as { items: Record<string, unknown>[] };
  expect(shortened.items.map((item) => "grades" in item)).toEqual([false, false, true]);
  const back = withDefaults(shortened, omitted) as unknown as { items: { grades: unknown[] }[] };
  expect(back.items[0].grades).toEqual([]);
  expect(back.items[0].grades).not.toBe(back.items[1].grades);
  expect(back.items[2].grades).toEqual([{ id: "g" }]);
});
