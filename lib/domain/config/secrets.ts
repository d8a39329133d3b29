import type { Issue } from "../errors";
import { isSecretKey, MASK, maskCredentials } from "../audit/mask";

type Json = unknown;

/**
 * An edited body whose secrets still show the mask people saw, with each masked value replaced by
 * the stored one at the same path; a mask where nothing is stored is an issue, never a literal value.
 * A URL shown with masked credentials is restored when it is otherwise unchanged.
 */
export function restoreMasked(edited: Record<string, unknown>, stored: Record<string, unknown> | null): { body: Record<string, unknown>; issues: Issue[] } {
  const issues: Issue[] = [];
  // Stored values are matched by position: in an array that grew or shrank, a position no longer
  // names the same entry (deleting the first of two would give the second the first's password).
  const walk = (value: Json, previous: Json, path: string[]): Json => {
    if (Array.isArray(value)) {
      const same = Array.isArray(previous) && previous.length === value.length;
      return value.map((v, i) => walk(v, same ? previous[i] : undefined, [...path, String(i)]));
    }
    // A URL whose credentials still show the mask people saw keeps the stored credentials.
    if (typeof value === "string" && typeof previous === "string" && value !== previous && maskCredentials(previous) === value) return previous;
    if (typeof value === "string" && value.includes(MASK) && value !== MASK) issues.push({ path: ["body", ...path].join("."), message: "holds masked credentials no stored value matches; type them" });
    if (!isObject(value)) return value;
    return Object.fromEntries(
      Object.entries(value).map(([key, v]) => {
        const before = isObject(previous) ? previous[key] : undefined;
        if (v !== MASK || !isSecretKey(key)) return [key, walk(v, before, [...path, key])];
        if (before === undefined) issues.push({ path: ["body", ...path, key].join("."), message: "is masked but no earlier value is stored; type the secret" });
        return [key, before];
      }),
    );
  };
  return { body: walk(edited, stored, []) as Record<string, unknown>, issues };
}

/** Whether any segment of a path names a secret, so a value under it is shown masked. */
export function underSecret(path: readonly (string | number)[]): boolean {
  return path.some((segment) => typeof segment === "string" && isSecretKey(segment));
}

function isObject(value: Json): value is Record<string, Json> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
