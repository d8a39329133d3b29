import { createRequire } from "node:module";
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const require = createRequire(import.meta.url);

const SOURCES = ["app", "components", "lib", "drizzle", "public", "next.config.ts", "package-lock.json", "proxy.ts", "instrumentation.ts"];

/**
 * Runs `next build` into `distDir` when there is no build there yet or a source is newer than it.
 * The test run builds into its own folder so a developer's `npm start` build stays untouched.
 */
export async function buildIfStale(distDir = ".next"): Promise<void> {
  const marker = path.join(distDir, "BUILD_ID");
  if (existsSync(marker) && newest(SOURCES) <= statSync(marker).mtimeMs) return;
  console.log(`Building the console into ${distDir} (first start or sources changed)…`);
  const result = spawnSync(process.execPath, [require.resolve("next/dist/bin/next"), "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_DIST_DIR: distDir },
  });
  if (result.status !== 0) throw new Error("next build failed");
}

// Colocated unit tests are not part of the build, so editing one must not trigger a rebuild.
function newest(paths: string[]): number {
  let latest = 0;
  for (const p of paths) {
    if (!existsSync(p) || p.endsWith(".test.ts")) continue;
    const stat = statSync(p);
    if (stat.isDirectory()) latest = Math.max(latest, newest(readdirSync(p).map((f) => path.join(p, f))));
    else latest = Math.max(latest, stat.mtimeMs);
  }
  return latest;
}
