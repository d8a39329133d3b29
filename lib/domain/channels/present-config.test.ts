import { describe, expect, it } from "vitest";
import { MASK } from "../audit/mask";
import { presentConfig, secretsMovingEndpoint, stillMasked, unmask } from "./present-config";

describe("channel configs read back", () => {
  it("mask secrets, routing keys and passwords", () => {
    expect(presentConfig("webhook", { url: "http://hooks.local/x", secret: "s3cret" })).toEqual({ url: "http://hooks.local/x", secret: MASK });
    expect(presentConfig("pagerduty", { routingKey: "R0UT1NG", url: "https://events.pagerduty.com/v2/enqueue" })).toMatchObject({ routingKey: MASK });
    expect(presentConfig("email", { host: "smtp", port: 25, user: "u", password: "p", from: "a@b.c", to: ["d@e.f"] })).toMatchObject({ user: "u", password: MASK });
  });

  it("hide the path of a Slack webhook URL, which is its credential", () => {
    expect(presentConfig("slack", { webhookUrl: "https://hooks.slack.com/services/T0/B0/XYZ" })).toEqual({ webhookUrl: `https://hooks.slack.com/${MASK}` });
  });

  it("keep a stored secret when an edit sends the mask back as read", () => {
    const stored = { url: "http://a", secret: "s3cret" };
    expect(unmask("webhook", { url: "http://a", secret: MASK }, stored)).toEqual({ config: { url: "http://a", secret: "s3cret" }, kept: ["secret"] });
    expect(unmask("webhook", { url: "http://b", secret: "new" }, stored)).toEqual({ config: { url: "http://b", secret: "new" }, kept: [] });
    expect(unmask("slack", { webhookUrl: `https://hooks.slack.com/${MASK}` }, { webhookUrl: "https://hooks.slack.com/services/T0" }).config).toEqual({
      webhookUrl: "https://hooks.slack.com/services/T0",
    });
  });

  it("do not restore a masked Slack URL moved to another host", () => {
    const { config, kept } = unmask("slack", { webhookUrl: `https://evil.example/${MASK}` }, { webhookUrl: "https://hooks.slack.com/services/T0" });
    expect(kept).toEqual([]);
    expect(stillMasked(config, kept)).toEqual(["webhookUrl"]);
  });

  it("name the kept secrets an edit would send to a new URL, host or port", () => {
    expect(secretsMovingEndpoint(["secret"], { url: "http://b", secret: "s" }, { url: "http://a", secret: "s" })).toEqual(["secret"]);
    expect(secretsMovingEndpoint(["secret"], { url: "http://a", secret: "s" }, { url: "http://a", secret: "s" })).toEqual([]);
    expect(secretsMovingEndpoint(["password"], { host: "smtp", port: 2525, password: "p" }, { host: "smtp", port: 25, password: "p" })).toEqual(["password"]);
    expect(secretsMovingEndpoint([], { url: "http://b" }, { url: "http://a" })).toEqual([]);
  });
});
