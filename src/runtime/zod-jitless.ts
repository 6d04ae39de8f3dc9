/**
 * Imported first by the add-in's input checks (input-checks.ts), the one way zod reaches the browser. zod's
 * classic object schemas probe `new Function` to compile a fast parser, which the page's
 * Content-Security-Policy (no 'unsafe-eval') refuses and reports as a violation; the `zod/mini` schemas used
 * now do not, and this keeps it so if a schema ever does. The browser tests fail on any CSP violation. The
 * CLI keeps zod's fast path.
 */
import * as z from "../rules/zod";

z.config({ jitless: true });
