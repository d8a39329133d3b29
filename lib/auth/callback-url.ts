// Browsers drop tabs and newlines from URLs and read `\` as `/`, so `/%09/evil.com` or `/\evil.com` can become `//evil.com`.
const UNSAFE = /[\u0000-\u001f\u007f\\]/;

/**
 * A path on this site to go to after sign-in, or `/`: anything that would leave the origin, once
 * decoded the way a browser may decode it, is refused rather than repaired.
 */
export function safeCallbackPath(raw: unknown, origin: string): string {
  if (typeof raw !== "string" || raw.length > 2000) return "/";
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return "/";
  }
  if (UNSAFE.test(raw) || UNSAFE.test(decoded)) return "/";
  let url: URL;
  try {
    url = new URL(raw, origin);
  } catch {
    return "/";
  }
  if (url.origin !== new URL(origin).origin) return "/";
  const path = url.pathname + url.search + url.hash;
  if (path.startsWith("//") || decoded.startsWith("//") || path.startsWith("/signin")) return "/";
  return path;
}
