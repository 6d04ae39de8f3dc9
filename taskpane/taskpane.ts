/** Task pane entry. */
import { getRulesRuntime } from "../src/runtime";
import { TaskPaneApp } from "./app";
import { applyOfficeTheme } from "./ui/theme";

Office.onReady(() => {
  applyOfficeTheme();
  void new TaskPaneApp(getRulesRuntime()).start();
});
