/**
 * Imported first by both browser entries (the functions bundle runs before the pane's): zod otherwise
 * probes `new Function` for its fast path, which the page's Content-Security-Policy (no 'unsafe-eval')
 * refuses and reports as a violation. The CLI keeps zod's fast path.
 */
import * as z from "../rules/zod";

z.config({ jitless: true });
