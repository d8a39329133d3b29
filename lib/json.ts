/** What a value becomes on the wire (JSON.stringify, then JSON.parse): dates turn into ISO strings. */
export type AsJson<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? AsJson<U>[]
    : T extends object
      ? { [K in keyof T]: AsJson<T[K]> }
      : T;

/** A server component's first paint in the same shape the API later sends to the browser. */
export function asJson<T>(value: T): AsJson<T> {
  return JSON.parse(JSON.stringify(value)) as AsJson<T>;
}
