import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { userInfo } from "node:os";

/** A program the tests run as real clients use it, from Debian's packages rather than a download. */
interface DebianProgram {
  binary: string;
  pkg: string;
}

/** Debian's Chromium: Playwright drives it instead of downloading a browser of its own. */
export const CHROMIUM: DebianProgram = { binary: "/usr/bin/chromium", pkg: "chromium" };
/** A real Prometheus Alertmanager (0.25 on bookworm), posting its webhook to the console. */
export const ALERTMANAGER: DebianProgram = { binary: "/usr/bin/prometheus-alertmanager", pkg: "prometheus-alertmanager" };
/** `promtool check metrics`, the judge of the console's Prometheus exposition. */
export const PROMTOOL: DebianProgram = { binary: "/usr/bin/promtool", pkg: "prometheus" };
/** A real PgBouncer (1.18 on bookworm), to show what a pooler in front of the console keeps and breaks. */
export const PGBOUNCER: DebianProgram = { binary: "/usr/sbin/pgbouncer", pkg: "pgbouncer" };

/** Installs with apt-get whichever of `programs` is missing (as root), or says how to. */
export function ensureDebianPrograms(...programs: DebianProgram[]): void {
  const missing = programs.filter((p) => !existsSync(p.binary));
  if (missing.length === 0) return;
  const packages = missing.map((p) => p.pkg);
  if (userInfo().uid !== 0) {
    throw new Error(`The tests need ${missing.map((p) => p.binary).join(", ")}. Install them with: sudo apt-get update && sudo apt-get install -y ${packages.join(" ")}`);
  }
  console.log(`Installing ${packages.join(", ")} with apt-get (missing here)…`);
  for (const args of [["update"], ["install", "-y", "--no-install-recommends", ...packages]]) {
    const result = spawnSync("apt-get", args, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    if (result.status !== 0) throw new Error(`apt-get ${args.join(" ")} failed; install ${packages.join(" ")} and run the tests again.`);
  }
  const still = missing.filter((p) => !existsSync(p.binary));
  if (still.length > 0) throw new Error(`apt-get ran, yet ${still.map((p) => p.binary).join(", ")} is still missing.`);
}
