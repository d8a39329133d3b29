import diff from "microdiff";
import { MASK, maskSecrets } from "../audit/mask";
import { underSecret } from "./secrets";

export type ChangeKind = "add" | "remove" | "change";

/** One structural difference: where, and the value on each side (absent on the side it is missing from). */
export interface ConfigChange {
  kind: ChangeKind;
  path: (string | number)[];
  before?: unknown;
  after?: unknown;
}

const kindOf = { CREATE: "add", REMOVE: "remove", CHANGE: "change" } as const;

/**
 * The changes from one body to another, path by path, secrets masked: a changed password shows as
 * changed, never as its value. Arrays compare by position.
 */
export function configChanges(from: Record<string, unknown>, to: Record<string, unknown>): ConfigChange[] {
  return diff(from, to).map((d) => {
    const secret = underSecret(d.path);
    const show = (value: unknown) => (secret ? (value === "" || value === null ? value : MASK) : maskSecrets(value));
    const change: ConfigChange = { kind: kindOf[d.type], path: d.path };
    if (d.type !== "CREATE") change.before = show(d.oldValue);
    if (d.type !== "REMOVE") change.after = show(d.value);
    return change;
  });
}
