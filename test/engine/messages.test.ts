import { describeEngineError } from "../../src/engine/messages";
import { parseShare } from "../../src/engine/inputs";

test("an error is rendered from its code and data, naming the input as the caller names it", () => {
  const parsed = parseShare(1.5, "china_input_share");
  if (parsed.ok) throw new Error("1.5 is not a share");
  expect(describeEngineError(parsed.error)).toBe("china_input_share must be between 0 and 1 (0%–100%); got 1.5. Enter 50% or 0.5, not 50");
  expect(describeEngineError(parsed.error, () => "chinaInputShare")).toMatch(/^chinaInputShare must be between 0 and 1/);
});

test("every engine error code has a sentence", () => {
  const codes = ["commodity_missing", "commodity_too_long", "share_invalid", "share_out_of_range", "country_unknown", "date_invalid", "date_out_of_range", "excel_error_input"] as const;
  for (const code of codes) expect(describeEngineError({ code, field: "commodity", received: "x" }).length).toBeGreaterThan(15);
});
