/**
 * The parser in a child process, watched: a parse that hangs cannot be interrupted inside the
 * test's own process, so properties that must prove "never hangs" parse here, under a wall-clock
 * limit after which the child is killed (and the next parse gets a new one). Each answer carries
 * the CPU time of the parse alone, which other processes on the machine do not inflate much.
 */
import { spawn, type ChildProcess } from "node:child_process";

export interface Parsed {
  values: Record<string, number | null>;
  narrative: Record<string, number | null | undefined>;
  cpuMs: number;
}

export type ParseAnswer = { ok: true; parsed: Parsed } | { ok: false; problem: string };

const PARSER = new URL("../../lib/parse/index.ts", import.meta.url).href;

const CHILD = `
const { parseReport } = await import(${JSON.stringify(PARSER)});
process.on("message", ({ bytes, fileName }) => {
  const started = process.cpuUsage();
  try {
    const { values, narrative } = parseReport({ fileName, bytes: new Uint8Array(bytes) });
    const used = process.cpuUsage(started);
    process.send({ values, narrative, cpuMs: (used.user + used.system) / 1000 });
  } catch (error) {
    process.send({ error: String(error && error.stack || error).split("\\n").slice(0, 3).join(" | ") });
  }
});
process.send("ready");
`;

export class ParserProcess {
  private child: ChildProcess | null = null;

  /** Parses in the child; a throw or a parse over `limitMs` of wall-clock time comes back as a problem. */
  async parse(bytes: Uint8Array, fileName: string, limitMs: number): Promise<ParseAnswer> {
    const child = await this.ready();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        child.off("message", onMessage);
        this.stop();
        resolve({ ok: false, problem: `no answer within ${limitMs} ms: the parser hangs` });
      }, limitMs);
      const onMessage = (message: Parsed | { error: string }) => {
        clearTimeout(timer);
        resolve("error" in message ? { ok: false, problem: `throws: ${message.error}` } : { ok: true, parsed: message });
      };
      child.once("message", onMessage);
      child.send({ bytes: Buffer.from(bytes), fileName });
    });
  }

  stop(): void {
    this.child?.kill("SIGKILL");
    this.child = null;
  }

  private async ready(): Promise<ChildProcess> {
    if (this.child) return this.child;
    const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", CHILD], {
      stdio: ["ignore", "inherit", "inherit", "ipc"],
      serialization: "advanced",
    });
    await new Promise((resolve) => child.once("message", resolve));
    this.child = child;
    return child;
  }
}
