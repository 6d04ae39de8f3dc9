import { addDays, nextDay } from "../../src/engine/dates";

test("addDays crosses months, years and leap days, both ways", () => {
  expect(addDays("2026-11-27", 1)).toBe("2026-11-28");
  expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
  expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
  expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  expect(addDays("2026-10-01", 90)).toBe("2026-12-30");
  expect(addDays("2026-10-01", 0)).toBe("2026-10-01");
});

test("nextDay is the day after", () => {
  expect(nextDay("2026-11-10")).toBe("2026-11-11");
});
