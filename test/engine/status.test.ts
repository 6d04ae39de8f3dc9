import { sortTimeline, statusOn } from "../../src/engine/status";
import type { TimelineInput as TimelineEntry } from "../../src/engine/status";

const REE_5: TimelineEntry[] = [
  { status: "announced", from: "2025-10-09" },
  { status: "suspended", from: "2025-11-07", until: "2026-11-10" },
];
const CATHODE: TimelineEntry[] = [
  { status: "proposed", from: "2025-01-02" },
  { status: "in_force", from: "2025-07-15" },
];
const reviewedAt = "2026-01-15";

test.each([
  [REE_5, "2025-10-08", null],
  [REE_5, "2025-10-09", { status: "announced", since: "2025-10-09", until: null, reviewNeeded: false, unconfirmed: false, note: null }],
  [REE_5, "2025-12-01", { status: "suspended", since: "2025-11-07", until: "2026-11-10", reviewNeeded: false, unconfirmed: false, note: null }],
  [REE_5, "2026-11-10", { status: "suspended", since: "2025-11-07", until: "2026-11-10", reviewNeeded: false, unconfirmed: false, note: null }],
  [REE_5, "2026-11-11", { status: "in_force", since: "2026-11-11", until: null, reviewNeeded: true, unconfirmed: false, note: null }],
  [CATHODE, "2025-01-01", null],
  [CATHODE, "2025-03-01", { status: "proposed", since: "2025-01-02", until: null, reviewNeeded: false, unconfirmed: false, note: null }],
  [CATHODE, "2025-07-15", { status: "in_force", since: "2025-07-15", until: null, reviewNeeded: false, unconfirmed: false, note: null }],
])("%#: on %s", (timeline, asOf, expected) => {
  expect(statusOn(timeline, { asOf, reviewedAt })).toEqual(expected);
});

test("no review is needed when the rules were reviewed after the dated status ended", () => {
  expect(statusOn(REE_5, { asOf: "2027-01-01", reviewedAt: "2026-12-01" })).toMatchObject({ status: "in_force", reviewNeeded: false });
});

test("a later entry takes over from an expired dated status", () => {
  const timeline: TimelineEntry[] = [
    { status: "suspended", from: "2025-01-01", until: "2025-06-30" },
    { status: "lifted", from: "2025-09-01" },
  ];
  expect(statusOn(timeline, { asOf: "2025-08-01", reviewedAt })).toMatchObject({ status: "in_force", since: "2025-07-01" });
  expect(statusOn(timeline, { asOf: "2025-09-01", reviewedAt })).toMatchObject({ status: "lifted" });
});

test("the 'suspensions ended' what-if treats a running suspension as in force without a review warning", () => {
  expect(statusOn(REE_5, { asOf: "2025-12-01", reviewedAt, suspensionsEnded: true })).toEqual({
    status: "in_force",
    since: "2025-11-07",
    until: null,
    reviewNeeded: false,
    unconfirmed: false,
    note: null,
  });
  expect(statusOn(REE_5, { asOf: "2025-10-20", reviewedAt, suspensionsEnded: true })).toMatchObject({ status: "announced" });
});

test("an entry marked unconfirmed scores as its status and says what is not known", () => {
  const timeline: TimelineEntry[] = [
    { status: "suspended", from: "2025-11-07", until: "2026-11-10" },
    { status: "in_force", from: "2026-11-11", unconfirmed: true, note: "no public source on an extension as of 2026-11-26" },
  ];
  expect(statusOn(timeline, { asOf: "2026-11-10", reviewedAt: "2026-11-26" })).toMatchObject({ status: "suspended", unconfirmed: false });
  expect(statusOn(timeline, { asOf: "2026-11-11", reviewedAt: "2026-11-26" })).toEqual({
    status: "in_force",
    since: "2026-11-11",
    until: null,
    reviewNeeded: false,
    unconfirmed: true,
    note: "no public source on an extension as of 2026-11-26",
  });
});

test("timelines are sorted by date, keeping authored order on the same day", () => {
  const sorted = sortTimeline([
    { status: "in_force", from: "2025-07-15" },
    { status: "announced", from: "2025-01-02" },
    { status: "proposed", from: "2025-01-02" },
  ]);
  expect(sorted.map((e) => e.status)).toEqual(["announced", "proposed", "in_force"]);
});
