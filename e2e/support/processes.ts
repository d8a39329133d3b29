import { readdirSync, readFileSync, readlinkSync } from "node:fs";

/** Whether the process `pid` holds the TCP socket whose local port is `port` (Linux's /proc): which console sent a request a receiver got. */
export function holdsLocalPort(pid: number, port: number): boolean {
  const suffix = `:${port.toString(16).toUpperCase().padStart(4, "0")}`;
  const inodes = new Set(
    readFileSync("/proc/net/tcp", "utf8")
      .split("\n")
      .slice(1)
      .map((line) => line.trim().split(/\s+/))
      .filter((fields) => fields[1]?.endsWith(suffix))
      .map((fields) => fields[9]),
  );
  return readdirSync(`/proc/${pid}/fd`).some((fd) => {
    try {
      return inodes.has(/^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1]);
    } catch {
      return false;
    }
  });
}
