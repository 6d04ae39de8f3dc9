/**
 * The start screen, shown while there is no supplier table under the selection: two lines on what to do,
 * and a button that writes the example list (bundled with the pane) to a new sheet and has the pane
 * analyse it. It never writes to a sheet that exists.
 */
import { exampleList } from "./example-list";
import { writeExampleSheet } from "./excel/example-sheet";
import { errorDetail } from "./messages";
import { byId, formatCount } from "./ui/dom";

export interface StartScreenHost {
  announce(message: string): void;
  failed(detail: string): void;
  setBusy(busy: boolean): void;
  /** Analyses the table under the selection, which is now the inserted example. */
  analyseSelection(): Promise<void>;
}

export class StartScreen {
  constructor(private readonly host: StartScreenHost) {}

  bind(): void {
    byId("example-count").textContent = formatCount(exampleList().rows.length);
    byId("insert-example").addEventListener("click", () => void this.insertExample());
  }

  show(): void {
    byId("start-section").hidden = false;
  }

  hide(): void {
    byId("start-section").hidden = true;
  }

  async insertExample(): Promise<void> {
    const button = byId<HTMLButtonElement>("insert-example");
    button.disabled = true;
    this.host.setBusy(true);
    this.host.announce("Writing the example list to a new sheet…");
    let sheetName: string;
    try {
      ({ sheetName } = await Excel.run((context) => writeExampleSheet(context, exampleList())));
    } catch (error) {
      this.host.failed(errorDetail(error));
      return;
    } finally {
      button.disabled = false;
      this.host.setBusy(false);
    }
    this.host.announce(`Example list written to the new sheet “${sheetName}”.`);
    await this.host.analyseSelection();
  }
}
