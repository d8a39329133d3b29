// A key is judged by its last word, so `dbPassword` and `client_secret` are secret while `maxTokens`
// or `secretName` are not: a config full of false positives hides what an operator must read.
// A plural is judged as its singular (`passwords`, `apiKeys`), and a key's `pem` is its private part;
// `maxTokens` and `inputTokens` count a model's tokens, so only a bare `tokens` is plural secrets.
const secretWords = new Set(["pass", "passwd", "password", "passphrase", "secret", "token", "credential", "authorization", "cookie", "dsn", "pem"]);
// A key is a secret only in these pairs: `apiKey`, `routing_key`; a `sortKey` or `partitionKey` is not.
const secretKeyKinds = new Set(["api", "private", "routing", "integration", "signing", "access", "secret", "hmac", "encryption", "master", "license", "session"]);
// A connection string carries its password in a form of its own (`Password=…;`): all of it is secret.
const secretPairs = new Set(["connection string"]);
// Credentials a URL carries in its query, whatever the key that holds the URL is called.
const credentialQuery = /([?&;](?:password|passwd|pass|pwd|token|access_token|auth|key|api_key|apikey|sig|signature|secret|client_secret)=)([^&#;]+)/gi;
const urlUserinfo = /^([a-z][a-z0-9+.-]*:\/\/[^/?#@:]*:)([^/?#@]+)@/i;

export const MASK = "••••••";

export function isSecretKey(key: string): boolean {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const last = words.length > 1 && words.at(-1) === "tokens" ? "tokens" : singular(words.at(-1));
  if (last === undefined) return false;
  if (last === "key") return secretKeyKinds.has(words.at(-2) ?? "");
  return secretWords.has(last) || secretPairs.has(`${words.at(-2)} ${last}`);
}

function singular(word: string | undefined): string | undefined {
  return word?.endsWith("s") && !word.endsWith("ss") ? word.slice(0, -1) : word;
}

/** A string with the password of a URL's userinfo and credential-like query parameters masked; any other string as it is. */
export function maskCredentials(value: string): string {
  if (!value.includes("://")) return value;
  return value.replace(urlUserinfo, `$1${MASK}@`).replace(credentialQuery, `$1${MASK}`);
}

/** A place in a JSON value: keys of objects, indices of arrays. */
export type JsonPath = readonly (string | number)[];

/** Beyond key names, which paths are secret: a config document's schema may mark them (`writeOnly`, `x-secret`). */
export type SecretPaths = (path: JsonPath) => boolean;

export const noMarkedPaths: SecretPaths = () => false;

/**
 * A copy of `value` with every value under a secret-looking key, or at a path `marked` names,
 * replaced by a mask and the credentials inside URLs masked, at any depth. `at` is where `value`
 * sits in the document `marked` speaks of.
 */
export function maskSecrets<T>(value: T, marked: SecretPaths = noMarkedPaths, at: JsonPath = []): T {
  return maskValue(value, marked, at) as T;
}

function maskValue(value: unknown, marked: SecretPaths, at: JsonPath): unknown {
  if (at.length > 0 && marked(at) && value !== null && value !== undefined && value !== "") return MASK;
  if (typeof value === "string") return maskCredentials(value);
  if (Array.isArray(value)) return value.map((v, i) => maskValue(v, marked, [...at, i]));
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, isSecretKey(k) && v !== null && v !== undefined && v !== "" ? MASK : maskValue(v, marked, [...at, k])]),
    );
  }
  return value;
}
