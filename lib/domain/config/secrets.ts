import type { Issue } from "../errors";
import { isSecretKey, MASK, maskCredentials, noMarkedPaths, type JsonPath, type SecretPaths } from "../audit/mask";
import { storedEntries } from "./array-entries";

type Json = unknown;

/**
 * An edited body whose secrets still show the mask people saw, with each masked value replaced by
 * the stored one it stands for; a mask where nothing is stored is an issue, never a literal value.
 * A URL shown with masked credentials is restored when it is otherwise unchanged. `marked` names
 * the paths the document's schema makes secret. In an array, a stored value is the one of the
 * same entry (`storedEntries`), never merely of the same position: deleting the first of two
 * entries would otherwise give the second the first one's password.
 */
export function restoreMasked(
  edited: Record<string, unknown>,
  stored: Record<string, unknown> | null,
  marked: SecretPaths = noMarkedPaths,
): { body: Record<string, unknown>; issues: Issue[] } {
  const issues: Issue[] = [];
  const unmatched = (path: JsonPath) => issues.push({ path: ["body", ...path].join("."), message: "is masked but no stored value matches it (new, or its list entry moved or changed); type the secret" });
  const walk = (value: Json, previous: Json, path: JsonPath): Json => {
    if (value === MASK && path.length > 0 && marked(path)) {
      if (previous === undefined) unmatched(path);
      return previous;
    }
    if (Array.isArray(value)) {
      const priors = storedEntries(value, Array.isArray(previous) ? previous : [], path, marked);
      return value.map((v, i) => walk(v, priors[i], [...path, i]));
    }
    // A URL whose credentials still show the mask people saw keeps the stored credentials.
    if (typeof value === "string" && typeof previous === "string" && value !== previous && maskCredentials(previous) === value) return previous;
    if (typeof value === "string" && value.includes(MASK) && value !== MASK) issues.push({ path: ["body", ...path].join("."), message: "holds masked credentials no stored value matches; type them" });
    if (!isObject(value)) return value;
    return Object.fromEntries(
      Object.entries(value).map(([key, v]) => {
        const before = isObject(previous) ? previous[key] : undefined;
        if (v !== MASK || !isSecretKey(key)) return [key, walk(v, before, [...path, key])];
        if (before === undefined) unmatched([...path, key]);
        return [key, before];
      }),
    );
  };
  return { body: walk(edited, stored, []) as Record<string, unknown>, issues };
}

/** Whether any segment of a path names a secret, or the document's schema marks it, so a value under it is shown masked. */
export function underSecret(path: JsonPath, marked: SecretPaths = noMarkedPaths): boolean {
  return path.some((segment) => typeof segment === "string" && isSecretKey(segment)) || marked(path);
}

function isObject(value: Json): value is Record<string, Json> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
