/** Paths into ../shared (seeds, corpus, spec), read in place and never copied. */
import { fileURLToPath } from "node:url";
import { join } from "node:path";

export const SHARED = fileURLToPath(new URL("../../../shared/", import.meta.url));
export const SEEDS = join(SHARED, "seeds");
export const SPEC = join(SHARED, "spec");
export const CORPUS = join(SHARED, "corpus");
