import type { Stack } from "./stack";

/** A named part of the benchmark: measures against the started stack and returns its rows. */
export type Section = (stack: Stack, log: (line: string) => void) => Promise<Row[]>;

/** One line of the results: a measured figure beside its target and the baseline it is compared with. */
export interface Row {
  figure: string;
  value: string;
  target: string;
  vsBaseline: string;
}

export function printTable(rows: Row[]): void {
  const header: Row = { figure: "figure", value: "measured", target: "target", vsBaseline: "vs baseline" };
  const all = [header, ...rows];
  const width = (key: keyof Row) => Math.max(...all.map((r) => r[key].length));
  const keys: (keyof Row)[] = ["figure", "value", "target", "vsBaseline"];
  const line = (r: Row) => keys.map((k) => r[k].padEnd(width(k))).join("  ");
  console.log(line(header));
  console.log(keys.map((k) => "-".repeat(width(k))).join("  "));
  for (const row of rows) console.log(line(row));
}

export function ms(value: number): string {
  return Number.isNaN(value) ? "n/a" : `${value.toFixed(value < 10 ? 2 : 1)} ms`;
}

export function ratio(value: number, baseline: number): string {
  return Number.isFinite(value / baseline) ? `${(value / baseline).toFixed(1)}×` : "";
}
