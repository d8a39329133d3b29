import type { SlackConfig } from "@/lib/domain/channels/channel-input";
import { postJson, type Outcome } from "./http-post";
import { alertLink, alertSummary, alertTitle, noticeHeadline, type Notice } from "./notice";

const SHOWN = 10;
const icon = { critical: ":red_circle:", warning: ":large_orange_circle:", info: ":large_blue_circle:" } as const;

/** An incoming-webhook message: `text` for notifications, `blocks` for the channel. */
export function slackMessage(notice: Notice) {
  const [first] = notice.alerts;
  const count = notice.alerts.length;
  const text = `${noticeHeadline(notice)}: ${first ? alertTitle(first) : ""}${count > 1 ? ` and ${count - 1} more` : ""}`;
  const lines = notice.alerts.slice(0, SHOWN).map((a) => {
    const link = alertLink(a);
    const title = link ? `<${link}|${alertTitle(a)}>` : alertTitle(a);
    return `${notice.event === "resolve" ? ":white_check_mark:" : icon[a.severity]} *${title}* ${a.severity}\n${alertSummary(a)}`;
  });
  if (count > SHOWN) lines.push(`…and ${count - SHOWN} more`);
  return {
    text,
    blocks: [
      { type: "header", text: { type: "plain_text", text: text.slice(0, 150) } },
      ...lines.map((line) => ({ type: "section", text: { type: "mrkdwn", text: line.slice(0, 3000) } })),
    ],
  };
}

export function sendSlack(config: SlackConfig, notice: Notice): Promise<Outcome> {
  return postJson(config.webhookUrl, JSON.stringify(slackMessage(notice)));
}
