/**
 * Runs once when the functions bundle loads. Inside Excel it starts the rules runtime of this JavaScript
 * context (on Excel on the web the functions do not share the task pane's) and recalculates the
 * CHOKEPOINT formulas whenever the active rules change, including a change the pane made in another
 * context and left in shared storage. Outside Excel it does nothing.
 */
import { getRulesRuntime } from "../runtime";
import { recalculateOnRulesChange } from "./recalc";
import { syncWithStorageEvery } from "./storage-sync";

function connectToExcel(): void {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return;
  void Office.onReady((info) => {
    if (info.host !== Office.HostType.Excel) return;
    const runtime = getRulesRuntime();
    recalculateOnRulesChange(runtime);
    void runtime.start();
    syncWithStorageEvery(runtime);
  });
}

connectToExcel();
