export type Tags = Record<string, string>;

/**
 * The tags in a canonical form, sorted by name, so the same tags in any order name one series.
 * Each name and value is prefixed with its length, which keeps the form unambiguous whatever
 * characters they hold, and costs far less than JSON on every point of a batch.
 */
export function seriesKey(tags: Tags): string {
  let key = "";
  for (const name of Object.keys(tags).sort()) {
    const value = tags[name]!;
    key += `${name.length}:${name}${value.length}:${value}`;
  }
  return key;
}
