/**
 * The start screen, shown while there is no supplier table under the selection: two lines on what to do,
 * and a button that writes the example list (shipped with the add-in) to a new sheet and has the pane
 * analyse it. It never writes to a sheet that exists.
 *
 * The example list, the CSV parser that reads it and the code that writes its sheet are a chunk of their own
 * (example.js, next to the pane's scripts), fetched when the button is clicked: most sessions never insert it. The number of
 * suppliers it holds is written in taskpane.html (a test keeps it equal to examples/suppliers.csv).
 */
import type { ExampleList } from "./example-list";
import type { writeExampleSheet } from "./excel/example-sheet";
import { errorDetail } from "./messages";
import { byId } from "./ui/dom";

export interface StartScreenHost {
  announce(message: string): void;
  /** example_failed: the sheet could not be written; part_not_loaded: the example's code could not be fetched. */
  failed(code: "example_failed" | "part_not_loaded", detail: string): void;
  setBusy(busy: boolean): void;
  /** Analyses the table under the selection, which is now the inserted example. */
  analyseSelection(): Promise<void>;
}

/** The example's code: building the list and writing it to a new sheet. */
export interface ExamplePart {
  build: () => ExampleList;
  write: typeof writeExampleSheet;
}

/** Fetches the example's code; building the list is a separate step, so its failure is not a fetch's. */
export type ExampleLoader = () => Promise<ExamplePart>;

/** The add-in's loader: the example list and its sheet writer as a webpack chunk of their own. */
export const loadBundledExample: ExampleLoader = () => import(/* webpackChunkName: "example" */ "./example-part").then((module) => module.examplePart);

export class StartScreen {
  constructor(
    private readonly host: StartScreenHost,
    private readonly loadExample: ExampleLoader = loadBundledExample,
  ) {}

  bind(): void {
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
      let part: ExamplePart;
      try {
        part = await this.loadExample();
      } catch (error) {
        this.host.failed("part_not_loaded", errorDetail(error));
        return;
      }
      const example = part.build();
      ({ sheetName } = await Excel.run((context) => part.write(context, example)));
    } catch (error) {
      this.host.failed("example_failed", errorDetail(error));
      return;
    } finally {
      button.disabled = false;
      this.host.setBusy(false);
    }
    this.host.announce(`Example list written to the new sheet “${sheetName}”.`);
    await this.host.analyseSelection();
  }
}
