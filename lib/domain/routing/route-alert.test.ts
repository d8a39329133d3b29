import { describe, expect, it } from "vitest";
import { defaultTree } from "./default-tree";
import { routeAlert } from "./route-alert";
import { routingLabels } from "./routing-labels";
import { routingTree, type RoutingTree } from "./tree";

const tree: RoutingTree = routingTree.parse({
  receiver: "console",
  groupBy: ["alertname"],
  groupWaitSeconds: 30,
  ackTimeoutSeconds: 600,
  escalation: { afterSeconds: 900, receiver: "managers" },
  routes: [
    {
      matchers: [{ label: "team", op: "=", value: "db" }],
      receiver: "db-pager",
      groupWaitSeconds: 5,
      continue: true,
      routes: [{ matchers: [{ label: "env", op: "=", value: "staging" }], receiver: "db-slack", escalation: null }],
    },
    { matchers: [{ label: "severity", op: "=", value: "critical" }], receiver: "pager" },
    { matchers: [{ label: "severity", op: "=~", value: "critical|warning" }], receiver: "slack" },
  ],
});

const receivers = (labels: Record<string, string>) => routeAlert(tree, labels).map((r) => `${r.path}:${r.receiver}`);

describe("the routing tree", () => {
  it("gives an alert no child takes to the root", () => {
    expect(receivers({ alertname: "A", severity: "info" })).toEqual(["root:console"]);
  });

  it("stops at the first matching child", () => {
    expect(receivers({ alertname: "A", severity: "critical" })).toEqual(["1:pager"]);
  });

  it("goes on past a matching child that has continue", () => {
    expect(receivers({ alertname: "A", team: "db", severity: "critical" })).toEqual(["0:db-pager", "1:pager"]);
  });

  it("uses a route itself when none of its children match, and its deepest match otherwise", () => {
    expect(receivers({ alertname: "A", team: "db" })).toEqual(["0:db-pager"]);
    expect(receivers({ alertname: "A", team: "db", env: "staging" })).toEqual(["0.0:db-slack"]);
  });

  it("lets children inherit what they leave out, and override or turn off the rest", () => {
    const [route] = routeAlert(tree, { alertname: "A", team: "db", env: "staging" });
    expect(route).toMatchObject({
      receiver: "db-slack",
      groupBy: ["alertname"],
      groupWaitSeconds: 5,
      groupIntervalSeconds: 300,
      repeatIntervalSeconds: 14_400,
      ackTimeoutSeconds: 600,
      escalation: null,
    });
    const [pager] = routeAlert(tree, { alertname: "A", severity: "critical" });
    expect(pager).toMatchObject({ groupWaitSeconds: 30, escalation: { afterSeconds: 900, receiver: "managers" } });
  });

  it("by default keeps every alert in the console, critical ones without waiting for their group", () => {
    const route = (severity: string) => routeAlert(defaultTree, routingLabels({ alertname: "A", severity })).map((r) => [r.receiver, r.path, r.groupWaitSeconds]);
    expect(route("critical")).toEqual([["console", "0", 0]]);
    expect(route("PAGE")).toEqual([["console", "0", 0]]);
    expect(route("warning")).toEqual([["console", "1", 30]]);
    expect(route("info")).toEqual([["console", "root", 30]]);
  });

  it("refuses a tree with a bad route", () => {
    const parsed = routingTree.safeParse({ receiver: "console", routes: [{ matchers: [{ label: "a", op: "~", value: "x" }] }] });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(["routes", 0, "matchers", 0, "op"]);
  });
});
