import { createHash, randomBytes } from "node:crypto";

const PREFIX = "bw_";

export function generateToken(): string {
  return PREFIX + randomBytes(32).toString("base64url");
}

/** Tokens carry 256 random bits, so a plain SHA-256 is enough to store them; no salt or stretching needed. */
export function tokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function bearerOf(authorization: string | null): string | null {
  const match = authorization?.match(/^Bearer\s+(\S+)\s*$/i);
  return match?.[1] ?? null;
}
