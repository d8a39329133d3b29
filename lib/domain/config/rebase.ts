import diff from "microdiff";

type Json = unknown;

/**
 * Someone's edits (`base` → `mine`) replayed on a newer version (`theirs`), path by path, so a
 * conflict loses neither change; where both changed the same value, mine wins, for the author to
 * review before publishing again.
 */
export function rebase(base: Record<string, unknown>, mine: Record<string, unknown>, theirs: Record<string, unknown>): Record<string, unknown> {
  const result = structuredClone(theirs);
  // Removals from the end first, so the indices of earlier removals in one array still hold.
  const changes = diff(base, mine).sort((a, b) => (a.type === "REMOVE" && b.type === "REMOVE" ? compareDesc(a.path, b.path) : 0));
  for (const change of changes) {
    if (change.type === "REMOVE") remove(result, change.path);
    else assign(result, change.path, change.value);
  }
  return result;
}

function assign(root: Json, path: (string | number)[], value: Json): void {
  let node = root as Record<string | number, Json>;
  for (const [i, key] of path.slice(0, -1).entries()) {
    if (typeof node[key] !== "object" || node[key] === null) node[key] = typeof path[i + 1] === "number" ? [] : {};
    node = node[key] as Record<string | number, Json>;
  }
  node[path[path.length - 1]!] = structuredClone(value);
}

function remove(root: Json, path: (string | number)[]): void {
  let node = root as Record<string | number, Json> | undefined;
  for (const key of path.slice(0, -1)) node = node?.[key] as Record<string | number, Json> | undefined;
  if (!node || typeof node !== "object") return;
  const last = path[path.length - 1]!;
  if (Array.isArray(node) && typeof last === "number") node.splice(last, 1);
  else delete node[last];
}

function compareDesc(a: (string | number)[], b: (string | number)[]): number {
  const x = a[a.length - 1];
  const y = b[b.length - 1];
  return typeof x === "number" && typeof y === "number" ? y - x : 0;
}
