import { figureLine, parseCorpus, scoreCorpus, type Reader } from "../../bench/matching-corpus";

describe("scoring the matching corpus", () => {
  const readings: Record<string, string> = { "NdFeB magnet": "ndfeb-magnet", LiFePO4: "lfp-cathode", "NdFeB magnet set": "ndfeb-magnet" };
  const reader: Reader = {
    read: (text) => readings[text] ?? null,
    hasItem: (id) => ["ndfeb-magnet", "lfp-cathode", "gallium"].includes(id),
  };

  test("precision, recall and false-positive rate are counted by the label, per line", () => {
    // Two item lines read right, one item line missed, one NONE line read as an item, one NONE line left
    // alone, and one line naming an item the rules lack (counts as NONE; here left alone).
    const lines = parseCorpus(
      [
        "text,expected,category,why",
        "NdFeB magnet,ndfeb-magnet,a,read right",
        "LiFePO4,lfp-cathode,a,read right",
        "zzzz qqqq,gallium,b,missed",
        "NdFeB magnet set,NONE,c,read although NONE",
        "office chairs,NONE,c,left alone",
        "unobtainium bar,unobtainium,d,item not in the rules",
      ].join("\n"),
    );
    const figures = scoreCorpus(reader, lines);
    expect(figures).toMatchObject({ lines: 6, positives: 3, negatives: 3, readAsItem: 3, correct: 2 });
    expect(figures.precision).toBeCloseTo(2 / 3);
    expect(figures.recall).toBeCloseTo(2 / 3);
    expect(figures.falsePositiveRate).toBeCloseTo(1 / 3);
    expect(figures.pendingItems).toEqual(["unobtainium"]);
    expect(figures.errorsByCategory).toEqual({ b: { missed: 1 }, c: { false_positive: 1 } });
    expect(figureLine(figures)).toBe("matching P/R/FP: 0.667 0.667 0.333");
  });

  test("a row without a label is refused", () => {
    expect(() => parseCorpus("text,expected,category,why\ngallium,,x,y")).toThrow(/row 2/);
  });
});
