import { MASK, maskSecrets, noMarkedPaths, type JsonPath, type SecretPaths } from "../audit/mask";
import { entryName, sameJson, stableKeyOf } from "./array-entries";
import { underSecret } from "./secrets";

export type ChangeKind = "add" | "remove" | "change";

/** One structural difference: where, and the value on each side (absent on the side it is missing from). */
export interface ConfigChange {
  kind: ChangeKind;
  path: (string | number)[];
  before?: unknown;
  after?: unknown;
}

/**
 * The changes from one body to another, path by path, secrets masked (by key name, or where the
 * document's schema marks them): a changed password shows as changed, never as its value. Arrays
 * whose entries carry a stable key (`id`, `name`, `key`) compare entry by entry, so deleting the
 * first of two shows that entry removed rather than the second rewritten into it; a reorder of
 * them is a change of the array's order, listed by those keys. Other arrays compare by position.
 */
export function configChanges(from: Record<string, unknown>, to: Record<string, unknown>, marked: SecretPaths = noMarkedPaths): ConfigChange[] {
  const changes: ConfigChange[] = [];
  const show = (value: unknown, path: JsonPath) => (underSecret(path, marked) ? (value === "" || value === null ? value : MASK) : maskSecrets(value, marked, path));
  const add = (path: JsonPath, after: unknown) => changes.push({ kind: "add", path: [...path], after: show(after, path) });
  const remove = (path: JsonPath, before: unknown) => changes.push({ kind: "remove", path: [...path], before: show(before, path) });
  const compare = (before: unknown, after: unknown, path: JsonPath): void => {
    if (sameJson(before, after)) return;
    if (isObject(before) && isObject(after)) {
      for (const [key, value] of Object.entries(before)) {
        if (key in after) compare(value, after[key], [...path, key]);
        else remove([...path, key], value);
      }
      for (const [key, value] of Object.entries(after)) if (!(key in before)) add([...path, key], value);
      return;
    }
    if (Array.isArray(before) && Array.isArray(after)) {
      const field = stableKeyOf(before, after);
      if (field) return compareEntries(before, after, field, path);
      before.forEach((value, i) => (i < after.length ? compare(value, after[i], [...path, i]) : remove([...path, i], value)));
      after.slice(before.length).forEach((value, i) => add([...path, before.length + i], value));
      return;
    }
    changes.push({ kind: "change", path: [...path], before: show(before, path), after: show(after, path) });
  };
  const compareEntries = (before: unknown[], after: unknown[], field: string, path: JsonPath) => {
    const afterAt = new Map(after.map((entry, i) => [entryName(entry, field), i]));
    const beforeNames = new Set(before.map((entry) => entryName(entry, field)));
    before.forEach((entry, i) => {
      const j = afterAt.get(entryName(entry, field));
      if (j === undefined) remove([...path, i], entry);
      else compare(entry, after[j], [...path, j]);
    });
    after.forEach((entry, j) => {
      if (!beforeNames.has(entryName(entry, field))) add([...path, j], entry);
    });
    const kept = (entries: unknown[], others: Set<string>) => entries.map((e) => entryName(e, field)).filter((name) => others.has(name));
    const order = (entries: unknown[], others: Set<string>) => entries.filter((e) => others.has(entryName(e, field))).map((e) => show((e as Record<string, unknown>)[field], [...path, field]));
    const afterNames = new Set(afterAt.keys());
    if (!sameJson(kept(before, afterNames), kept(after, beforeNames))) {
      changes.push({ kind: "change", path: [...path], before: order(before, afterNames), after: order(after, beforeNames) });
    }
  };
  compare(from, to, []);
  return changes;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
