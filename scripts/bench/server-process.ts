import { readFile } from "node:fs/promises";
import { sleep } from "./stats";

const SETTLE_MS = 3_000;
const SAMPLES = 5;
// Linux reports CPU time in clock ticks of 1/100 s (USER_HZ).
const TICK_MS = 10;

/** The process's resident set (VmRSS) in KiB, as the kernel reports it. */
export async function residentKb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const kb = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
  if (!kb) throw new Error(`no VmRSS for process ${pid}`);
  return Number(kb);
}

/** The median resident set once the server has been left alone for a few seconds. */
export async function settledResidentKb(pid: number): Promise<number> {
  await sleep(SETTLE_MS);
  const samples: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    samples.push(await residentKb(pid));
    await sleep(200);
  }
  return samples.sort((a, b) => a - b)[Math.floor(SAMPLES / 2)]!;
}

/**
 * CPU time (user + system) the process has used, in ms. Unlike latency, it hardly changes with
 * what else the machine runs, so it tells the server's own cost on a busy machine.
 */
export async function cpuMs(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8");
  // Fields after the command name, which may itself hold spaces: utime and stime are the 12th and 13th.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}
