import { describe, expect, it } from "vitest";
import { groupKeyOf, groupLabels, triggerDueAt } from "./grouping";

const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s));
const timers = { groupWaitSeconds: 30, groupIntervalSeconds: 300 };

describe("grouping", () => {
  const labels = { alertname: "A", service: "rag-api", instance: "i-1" };

  it("groups by the listed labels that are present, or by all with ...", () => {
    expect(groupLabels(["alertname", "service", "team"], labels)).toEqual({ alertname: "A", service: "rag-api" });
    expect(groupLabels(["..."], labels)).toEqual(labels);
    expect(groupLabels([], labels)).toEqual({});
  });

  it("puts alerts differing only in other labels in one group of a route", () => {
    const route = { path: "0", receiver: "slack", groupBy: ["alertname"] };
    expect(groupKeyOf(route, labels)).toBe(groupKeyOf(route, { ...labels, instance: "i-2" }));
    expect(groupKeyOf(route, labels)).not.toBe(groupKeyOf(route, { ...labels, alertname: "B" }));
    expect(groupKeyOf(route, labels)).not.toBe(groupKeyOf({ ...route, path: "1" }, labels));
  });

  it("holds the first alert of a new group for group_wait", () => {
    expect(triggerDueAt(null, at(0), timers)).toEqual(at(30));
    expect(triggerDueAt(null, at(0), { ...timers, groupWaitSeconds: 0 })).toEqual(at(0));
  });

  it("sends alerts joining a group before its first flush with it", () => {
    expect(triggerDueAt({ firstDueAt: at(30), flushedAt: null }, at(12), timers)).toEqual(at(30));
    expect(triggerDueAt({ firstDueAt: at(30), flushedAt: null }, at(45), timers)).toEqual(at(45));
  });

  it("sends later alerts of a group group_interval after its last flush", () => {
    expect(triggerDueAt({ firstDueAt: at(30), flushedAt: at(31) }, at(100), timers)).toEqual(at(331));
    expect(triggerDueAt({ firstDueAt: at(30), flushedAt: at(31) }, at(400), timers)).toEqual(at(400));
  });
});
