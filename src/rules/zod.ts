/**
 * zod as the product's schemas use it: the functional API (`zod/mini`), which a bundler can trim to the
 * parts the schemas call, unlike the classic API whose every schema carries its methods and its JSON Schema
 * code. Same library and core as `import { z } from "zod"`: the same checks, issue codes, paths and, with
 * zod's English messages installed here (the way the classic API installs them), the same messages. Import it as `import * as z from "./zod"`.
 */
import { config } from "zod/mini";
import { en } from "zod/locales";

config(en());

export * from "zod/mini";
