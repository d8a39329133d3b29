import canonicalize from "canonicalize";
import { maskSecrets, type JsonPath, type SecretPaths } from "../audit/mask";

// Fields that name an entry of a list in configs as people write them: upstreams by `name`, rules by `id`.
const STABLE_KEYS = ["id", "name", "key"] as const;

/**
 * The field that names every entry of these arrays, if there is one: each entry of each array is
 * an object carrying it as a string or number, unique within its array. Entries are then the
 * same entry when they carry the same value, wherever they moved.
 */
export function stableKeyOf(...arrays: unknown[][]): string | null {
  return STABLE_KEYS.find((field) => arrays.every((entries) => namesEvery(entries, field))) ?? null;
}

export function entryName(entry: unknown, field: string): string {
  const value = (entry as Record<string, unknown>)[field];
  return `${typeof value}:${String(value)}`;
}

function namesEvery(entries: unknown[], field: string): boolean {
  const seen = new Set<string>();
  for (const entry of entries) {
    if (typeof entry !== "object" || entry === null || Array.isArray(entry)) return false;
    const value = (entry as Record<string, unknown>)[field];
    if (typeof value !== "string" && typeof value !== "number") return false;
    const name = entryName(entry, field);
    if (seen.has(name)) return false;
    seen.add(name);
  }
  return true;
}

export function sameJson(a: unknown, b: unknown): boolean {
  return canonicalize(a) === canonicalize(b);
}

/**
 * For each entry of an edited array (as people saw it, masked), the stored entry it is: the one
 * with its name when the entries have a stable key; otherwise the one stored entry that masks to
 * exactly what was sent back. Entries alike once masked are told apart by position only when
 * nothing in the array moved. An entry matched to nothing (new, renamed, or moved and edited)
 * gets `undefined`, so a mask in it restores nothing and is refused.
 */
export function storedEntries(edited: unknown[], stored: unknown[], at: JsonPath, marked: SecretPaths): unknown[] {
  const field = stableKeyOf(edited, stored);
  if (field) {
    const byName = new Map(stored.map((entry) => [entryName(entry, field), entry]));
    return edited.map((entry) => byName.get(entryName(entry, field)));
  }
  const masked = stored.map((entry, i) => maskSecrets(entry, marked, [...at, i]));
  const unmoved = edited.length === stored.length && masked.every((entry, i) => sameJson(entry, edited[i]));
  return edited.map((entry, i) => {
    const alike = masked.flatMap((m, j) => (sameJson(m, entry) ? [j] : []));
    if (alike.length === 1) return stored[alike[0]!];
    return unmoved ? stored[i] : undefined;
  });
}
