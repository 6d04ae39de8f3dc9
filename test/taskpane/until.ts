/**
 * Waits for the pane's asynchronous work (reading the sheet, scoring, fetching a part, working out the
 * changes) to show, checking every 10 ms for up to 3 s, and fails the test when it never does. Tests wait for
 * what they expect to see, never for a fixed time.
 */
export async function until(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition() && waited < 3_000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(condition()).toBe(true);
}
