// A key is judged by its last word, so `dbPassword` and `client_secret` are secret while `maxTokens`
// or `secretName` are not: a config full of false positives hides what an operator must read.
const secretWords = new Set(["pass", "passwd", "password", "passphrase", "secret", "token", "credential", "credentials", "authorization", "cookie", "dsn"]);
// A key is a secret only in these pairs: `apiKey`, `routing_key`; a `sortKey` or `partitionKey` is not.
const secretKeyKinds = new Set(["api", "private", "routing", "integration", "signing", "access", "secret", "hmac", "encryption", "master", "license"]);

export const MASK = "••••••";

export function isSecretKey(key: string): boolean {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const last = words.at(-1);
  if (last === undefined) return false;
  if (last === "key") return secretKeyKinds.has(words.at(-2) ?? "");
  return secretWords.has(last);
}

/** A copy of `value` with every value under a secret-looking key replaced by a mask, at any depth. */
export function maskSecrets<T>(value: T): T {
  return maskValue(value) as T;
}

function maskValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskValue);
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, isSecretKey(k) && v !== null && v !== undefined && v !== "" ? MASK : maskValue(v)]),
    );
  }
  return value;
}
