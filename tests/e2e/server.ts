/** Building the app once and serving it on a free port, in a process group of its own. */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createWriteStream, writeFileSync } from "node:fs";
import { createServer } from "node:net";

export interface Server {
  url: string;
  /** milliseconds from spawn to the first answered request */
  startMs: number;
  /** ends the server's whole process group and waits for it */
  stop(): Promise<void>;
}

/** Runs a command to completion in the project root, its output to `log`; throws on failure. */
export function run(root: string, command: string, args: string[], log: string, env: Record<string, string> = {}): number {
  const started = performance.now();
  const out = spawnSync(command, args, { cwd: root, env: { ...process.env, ...env }, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  writeFileSync(log, `$ ${command} ${args.join(" ")}\n${out.stdout}\n${out.stderr}`);
  if (out.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (exit ${out.status}); see ${log}\n${out.stderr.slice(-2000)}`);
  return performance.now() - started;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function waitUntilAnswering(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

/**
 * `next start` on a free port, reading `database`. It runs detached, as the leader of its own
 * process group, because it leaves a `next-server` child behind: stop() ends the whole group.
 */
export async function startServer(root: string, database: string, log: string): Promise<Server> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn("npx", ["next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    env: { ...process.env, NIANBAO_DB: database, NEXT_TELEMETRY_DISABLED: "1" },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output = createWriteStream(log);
  child.stdout?.pipe(output);
  child.stderr?.pipe(output);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.pid) process.kill(-child.pid, "SIGTERM");
    await exited;
  };
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilAnswering(`${url}/`, child, 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, startMs: performance.now() - started, stop };
}
