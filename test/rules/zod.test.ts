/**
 * The product's schemas use zod's functional API (src/rules/zod.ts), which ships without messages; zod's
 * English ones are installed there so that what users read is what the classic API said. This file imports
 * nothing that loads the classic API (which would install them itself and hide a missing set).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as z from "../../src/rules/zod";
import { parseRules } from "../../src/rules/parse";
import { parseUserAliases } from "../../src/engine/user-aliases-check";

const messageOf = (schema: z.ZodMiniType, value: unknown) => {
  const parsed = schema.safeParse(value);
  return parsed.success ? null : parsed.error.issues.map((issue) => issue.message);
};

test("issues carry zod's English messages", () => {
  expect(messageOf(z.string().check(z.maxLength(3)), "abcd")).toEqual(["Too big: expected string to have <=3 characters"]);
  expect(messageOf(z.number().check(z.gte(0)), -1)).toEqual(["Too small: expected number to be >=0"]);
  expect(messageOf(z.strictObject({ a: z.string() }), { a: 1, b: 2 })).toEqual(["Invalid input: expected string, received number", 'Unrecognized key: "b"']);
});

test("a user-aliases overlay that is too long for its field says so in zod's words", () => {
  const parsed = parseUserAliases({ format: 1, aliases: [{ commodity: "x".repeat(401), item: "gallium" }] });
  expect(parsed).toEqual({ ok: false, issues: [{ code: "aliases_invalid", index: 0, detail: "aliases.0.commodity: Too big: expected string to have <=400 characters" }] });
});

test("a threshold with neither bound is refused with the schema's own sentence, at the threshold", () => {
  const document = JSON.parse(readFileSync(join(__dirname, "fixtures", "minimal-valid.json"), "utf8"));
  document.controls[0].items = [{ item: "gallium", thresholds: [{ quantity: "purity" }] }];
  const parsed = parseRules(document);
  expect(parsed.ok).toBe(false);
  if (!parsed.ok) expect(parsed.issues.map(({ code, path, message }) => ({ code, path, message }))).toEqual([
    { code: "invalid_value", path: "controls[0].items[0].thresholds[0]", message: "an object is not allowed (a threshold needs min, max or both)" },
  ]);
});
