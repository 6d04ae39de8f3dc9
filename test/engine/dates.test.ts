import { addDays, nextDay, todayIso } from "../../src/engine/dates";

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

describe("todayIso, asked once per formula cell", () => {
  it("gives each moment its own local day, across midnight, backwards and forwards", () => {
    const moments = [
      new Date(2026, 10, 27, 9, 30),
      new Date(2026, 10, 27, 23, 59, 59, 999),
      new Date(2026, 10, 28, 0, 0, 0, 0),
      new Date(2026, 10, 27, 0, 0, 0, 0),
      new Date(2026, 10, 26, 23, 59, 59, 999),
      new Date(2027, 0, 1, 12),
      new Date(2026, 2, 29, 12),
    ];
    const expected = ["2026-11-27", "2026-11-27", "2026-11-28", "2026-11-27", "2026-11-26", "2027-01-01", "2026-03-29"];
    expect(moments.map((moment) => todayIso(moment))).toEqual(expected);
    expect(moments.map((moment) => todayIso(moment))).toEqual(expected);
  });
});
