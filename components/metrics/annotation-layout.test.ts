import { describe, expect, it } from "vitest";
import { clusterAnnotations, kindCounts, openPeriods } from "./annotation-layout";
import type { Annotation } from "./types";

const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s)).toISOString();
const ms = (s: number) => Date.parse(at(s));

function mark(kind: Annotation["kind"], s: number): Annotation {
  return { at: at(s), kind, title: `${kind} ${s}`, detail: null, href: "/", breaker: null };
}

function transition(s: number, instance: string, from: string, to: string, name = "db"): Annotation {
  return { ...mark("breaker", s), breaker: { name, instance, from, to } };
}

describe("annotation clusters", () => {
  it("draw markers closer than a few pixels as one, with their count by kind", () => {
    // One pixel a second: 0, 4 and 9 s are within 10 px of the first; 30 s is not.
    const clusters = clusterAnnotations([mark("mode", 30), mark("breaker", 4), mark("mode", 0), mark("config", 9)], 1 / 1000);
    expect(clusters.map((c) => [c.t, c.items.length])).toEqual([
      [ms(0), 3],
      [ms(30), 1],
    ]);
    expect(kindCounts(clusters[0]!.items)).toEqual([
      ["mode", 1],
      ["breaker", 1],
      ["config", 1],
    ]);
  });

  it("keep markers apart when the chart is wide enough", () => {
    expect(clusterAnnotations([mark("mode", 0), mark("mode", 1)], 20 / 1000)).toHaveLength(2);
  });
});

describe("breaker open periods", () => {
  const bounds: [number, number] = [ms(0), ms(100)];

  it("run from open to closed, through half-open probes, merged over instances", () => {
    const periods = openPeriods(
      [
        transition(10, "a", "closed", "open"),
        transition(20, "a", "half_open", "open"),
        transition(30, "a", "half_open", "closed"),
        transition(25, "b", "closed", "open"),
        transition(40, "b", "half_open", "closed"),
        transition(60, "b", "closed", "forced_open"),
        mark("mode", 70),
      ],
      bounds,
    );
    expect(periods).toEqual([
      [ms(10), ms(40)],
      [ms(60), ms(100)],
    ]);
  });

  it("start at the range's start for a breaker already open when it began", () => {
    expect(openPeriods([transition(15, "a", "half_open", "closed")], bounds)).toEqual([[ms(0), ms(15)]]);
    expect(openPeriods([transition(15, "a", "forced_closed", "closed")], bounds)).toEqual([]);
  });
});
