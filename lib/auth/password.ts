import { hash, verify } from "@node-rs/argon2";
import { randomBytes } from "node:crypto";

// Argon2id with the library's defaults (19 MiB, 2 passes): OWASP's recommended minimum.
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password).catch(() => false);
}

// A fixed hash to verify against when the email is unknown, so both paths take the same time.
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hash(randomBytes(16).toString("hex"));
  return decoy;
}

export function generatePassword(): string {
  return randomBytes(18).toString("base64url");
}
