import { describe, expect, it } from "vitest";
import type { AlertView } from "@/lib/domain/alerts/alert-view";
import { slackMessage } from "./slack";

const alert = {
  id: 1,
  fingerprint: "f",
  status: "firing",
  severity: "warning",
  labels: { alertname: "<!channel> & <https://evil.example|docs>", service: "rag-api" },
  annotations: { summary: "<!here> disk > 90%" },
  startsAt: new Date(0),
} as unknown as AlertView;

describe("Slack messages", () => {
  it("escape &, < and > from alert text so no mention or link gets through", () => {
    const message = slackMessage({ event: "trigger", channel: "slack", groupKey: null, idempotencyKey: "k", alerts: [alert] });
    const mrkdwn = [message.text, ...message.blocks.slice(1).map((b) => b.text.text)].join("\n");
    expect(mrkdwn).not.toMatch(/<!|<https/);
    expect(mrkdwn).toContain("&lt;!channel&gt; &amp; &lt;https://evil.example|docs&gt;");
    expect(mrkdwn).toContain("&lt;!here&gt; disk &gt; 90%");
    expect(message.blocks[0]!.text.text).toContain("<!channel> & <https://evil.example|docs>");
  });
});
