/** Task pane entry. zod's configuration must run before any rules document is parsed. */
import "../src/runtime/zod-jitless";
import { getRulesRuntime } from "../src/runtime";
import { TaskPaneApp } from "./app";
import { applyOfficeTheme } from "./ui/theme";

Office.onReady(() => {
  applyOfficeTheme();
  void new TaskPaneApp(getRulesRuntime()).start();
});
