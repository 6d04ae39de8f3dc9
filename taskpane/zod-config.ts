/**
 * Imported first by the pane's entry: zod otherwise probes `new Function` for its fast path, which the
 * page's Content-Security-Policy (no 'unsafe-eval') refuses and reports as a violation.
 */
import { z } from "zod";

z.config({ jitless: true });
