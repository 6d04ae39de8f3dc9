import { findDuplicateKeys, MAX_JSON_DEPTH } from "../../src/rules/json-keys";
import { parseRules } from "../../src/rules/parse";

describe("duplicate keys in JSON text", () => {
  test("none in ordinary JSON, including equal keys in different objects", () => {
    expect(findDuplicateKeys('{"a": 1, "b": {"a": 2}, "c": [{"a": 3}, {"a": 4}]}')).toEqual({ keys: [], tooDeep: null });
  });

  test("found with the path of the object holding them", () => {
    const text = '{"controls": [{"id": "x"}, {"id": "y", "severity": 0.7, "severity": 0}]}';
    expect(findDuplicateKeys(text).keys).toEqual([{ segments: ["controls", 1], key: "severity" }]);
  });

  test("strings that look like keys, commas or braces do not confuse it", () => {
    const text = '{"title": "a, \\"b\\": {c}", "note": "[\\"x\\"]", "title2": "x"}';
    expect(findDuplicateKeys(text).keys).toEqual([]);
    expect(findDuplicateKeys('{"a\\u0062": 1, "ab": 2}').keys).toEqual([{ segments: [], key: "ab" }]);
  });

  test("nesting deeper than the limit is reported, without recursion", () => {
    const deep = `${"[".repeat(MAX_JSON_DEPTH + 1)}${"]".repeat(MAX_JSON_DEPTH + 1)}`;
    expect(findDuplicateKeys(deep).tooDeep).toBe(MAX_JSON_DEPTH);
    const veryDeep = `${"[".repeat(200_000)}${"]".repeat(200_000)}`;
    expect(() => findDuplicateKeys(veryDeep)).not.toThrow();
  });

  test("the parse path refuses a rules document whose value is hidden behind a repeated key", () => {
    const parsed = parseRules('{"schemaVersion": 2, "schemaVersion": 1}');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issues[0]).toMatchObject({ code: "duplicate_key", path: "schemaVersion" });
  });
});
