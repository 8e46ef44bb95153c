/**
 * A parse worker that dies (out of memory, a crash in native code) fails only the files it held,
 * each as a failed file with its reason, and a new worker parses the next ones: the run goes on.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ParsePool } from "../db/parse-pool";
import { MAX_REPORT_BYTES } from "../lib/ingest/screen";

const SEEDS = join(import.meta.dirname, "../../shared/seeds");
const file = join(SEEDS, "001_873059f99be5ef02.txt");
const job = { file, bytes: readFileSync(file), facts: {} };

let pool: ParsePool;
afterEach(async () => pool.close());

describe("ParsePool", () => {
  it("fails the files of a worker that dies and parses the next ones on a new worker", async () => {
    pool = new ParsePool(1);
    const held = pool.parse(job);
    // the worker dies with the file in hand
    await pool["workers"][0].terminate();
    expect(await held).toEqual({ error: expect.stringMatching(/^解析出错:解析线程意外退出/) });
    const next = await pool.parse(job);
    expect("parsed" in next && next.parsed.year).toBe(2024);
  }, 60_000);

  it("parses the largest file the ingest reads, a web page near 10 MB, within a worker's heap", async () => {
    pool = new ParsePool(1);
    // a real report with a photo pasted in as data, as agencies' sites publish them
    const page = readFileSync(join(import.meta.dirname, "../../shared/corpus/reports/pingtan-2021.html"), "utf8");
    const photo = `<img src="data:image/png;base64,${"iVBORw0KGgo".repeat(Math.floor((MAX_REPORT_BYTES - page.length - 100) / 11))}">`;
    const bytes = Buffer.from(page.replace("</body>", `${photo}</body>`));
    expect(bytes.length).toBeGreaterThan(MAX_REPORT_BYTES * 0.95);
    const outcome = await pool.parse({ file: "pingtan-2021.html", bytes, facts: {} });
    expect("parsed" in outcome && [outcome.parsed.year, Object.keys(outcome.parsed.values).length]).toEqual([2021, 200]);
  }, 60_000);
});
