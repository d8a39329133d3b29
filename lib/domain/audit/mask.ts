const secretKey = /pass(word|phrase)?|secret|token|api[-_]?key|private[-_]?key|credential|authorization|cookie|dsn|routing[-_]?key|integration[-_]?key/i;

export const MASK = "••••••";

export function isSecretKey(key: string): boolean {
  return secretKey.test(key);
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
