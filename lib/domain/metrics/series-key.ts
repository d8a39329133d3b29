export type Tags = Record<string, string>;

/** The tags in a canonical form, sorted by name, so the same tags in any order name one series. */
export function seriesKey(tags: Tags): string {
  const names = Object.keys(tags).sort();
  return JSON.stringify(names.map((n) => [n, tags[n]]));
}
