/** The machine a bench ran on, printed with its figures: they mean little without it. */
import { cpus, totalmem } from "node:os";

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
}

export function machine(): Machine {
  const list = cpus();
  return { cpu: list[0]?.model.trim() ?? "unknown", cores: list.length, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version };
}

export const machineLine = (m: Machine) => `machine: ${m.cpu} × ${m.cores}, ${m.memoryGiB} GiB, Node ${m.node}`;
