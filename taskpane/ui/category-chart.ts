/**
 * The four category scores as a horizontal bar chart (chart.js, with only the pieces it needs registered).
 * The canvas is labelled for screen readers and followed by a table with the same numbers. chart.js is a
 * chunk of its own, fetched the first time a chart is drawn: it is a third of the pane's code and nothing
 * needs it before a supplier list has been analysed (the table shows the numbers meanwhile).
 */
import type { Chart } from "chart.js";
import type { CategoryScores } from "../../src/engine";
import { CATEGORIES } from "../../src/rules/vocabulary";
import { CATEGORY_LABELS } from "../messages";
import { formatScore, h } from "./dom";

let current: Chart | null = null;
/** Each new chart replaces the one before; a chart whose library arrives after a newer one was asked for is not drawn. */
let generation = 0;

async function loadChart(): Promise<typeof Chart> {
  const chartJs = await import(/* webpackChunkName: "chart" */ "chart.js");
  chartJs.Chart.register(chartJs.BarController, chartJs.BarElement, chartJs.CategoryScale, chartJs.LinearScale);
  return chartJs.Chart;
}

function cssColour(variable: string, fallback: string): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(variable).trim();
  return value || fallback;
}

export function renderCategoryChart(scores: CategoryScores): HTMLElement {
  current?.destroy();
  current = null;
  const drawn = ++generation;
  const description = CATEGORIES.map((c) => `${CATEGORY_LABELS[c]} ${formatScore(scores[c])}`).join(", ");
  const canvas = h("canvas", { id: "category-chart", role: "img", "aria-label": `Exposure by category, 0 to 100: ${description}` });
  const table = h(
    "table",
    { className: "cp-table cp-category-table" },
    h("caption", { className: "cp-visually-hidden" }, "Exposure by category"),
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Category"), h("th", { scope: "col", className: "cp-num" }, "Exposure"))),
    h(
      "tbody",
      {},
      ...CATEGORIES.map((c) =>
        h("tr", { "data-category": c }, h("th", { scope: "row" }, CATEGORY_LABELS[c]), h("td", { className: "cp-num" }, formatScore(scores[c]))),
      ),
    ),
  );
  const wrapper = h("figure", { className: "cp-chart" }, h("div", { className: "cp-chart-canvas" }, canvas), table);
  // jsdom and hosts without canvas support get the table alone.
  const drawing = typeof HTMLCanvasElement !== "undefined" && canvas.getContext?.("2d");
  if (drawing) void loadChart().then((ChartClass) => {
    if (drawn !== generation) return;
    const brand = cssColour("--cp-brand", "#0f6cbd");
    const foreground = cssColour("--cp-fg", "#242424");
    const grid = cssColour("--cp-border", "#d1d1d1");
    current = new ChartClass(canvas, {
      type: "bar",
      data: {
        labels: CATEGORIES.map((c) => CATEGORY_LABELS[c]),
        datasets: [{ label: "Exposure", data: CATEGORIES.map((c) => scores[c]), backgroundColor: brand, borderRadius: 2, maxBarThickness: 20 }],
      },
      options: {
        indexAxis: "y",
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: {
          x: { min: 0, max: 100, ticks: { color: foreground, stepSize: 25 }, grid: { color: grid } },
          y: { ticks: { color: foreground }, grid: { display: false } },
        },
      },
    });
  }, () => undefined);
  return wrapper;
}
