import { describe, expect, it } from "vitest";
import { MASK } from "../audit/mask";
import { presentConfig, unmask } from "./present-config";

describe("channel configs read back", () => {
  it("mask secrets, routing keys and passwords", () => {
    expect(presentConfig("webhook", { url: "http://hooks.local/x", secret: "s3cret" })).toEqual({ url: "http://hooks.local/x", secret: MASK });
    expect(presentConfig("pagerduty", { routingKey: "R0UT1NG", url: "https://events.pagerduty.com/v2/enqueue" })).toMatchObject({ routingKey: MASK });
    expect(presentConfig("email", { host: "smtp", port: 25, user: "u", password: "p", from: "a@b.c", to: ["d@e.f"] })).toMatchObject({ user: "u", password: MASK });
  });

  it("hide the path of a Slack webhook URL, which is its credential", () => {
    expect(presentConfig("slack", { webhookUrl: "https://hooks.slack.com/services/T0/B0/XYZ" })).toEqual({ webhookUrl: `https://hooks.slack.com/${MASK}` });
  });

  it("keep a stored secret when an edit sends the mask back", () => {
    const stored = { url: "http://a", secret: "s3cret" };
    expect(unmask({ url: "http://b", secret: MASK }, stored)).toEqual({ url: "http://b", secret: "s3cret" });
    expect(unmask({ url: "http://b", secret: "new" }, stored)).toEqual({ url: "http://b", secret: "new" });
    expect(unmask({ webhookUrl: `https://hooks.slack.com/${MASK}` }, { webhookUrl: "https://hooks.slack.com/services/T0" })).toEqual({
      webhookUrl: "https://hooks.slack.com/services/T0",
    });
  });
});
