import type { SlackConfig } from "@/lib/domain/channels/channel-input";
import { postJson, type Outcome } from "./http-post";
import { alertLink, alertSummary, alertTitle, noticeHeadline, type Notice } from "./notice";

const SHOWN = 10;
const icon = { critical: ":red_circle:", warning: ":large_orange_circle:", info: ":large_blue_circle:" } as const;

/**
 * Text from alert senders as Slack shows it literally: `&`, `<` and `>` escaped as Slack asks, so a
 * label cannot write `<!channel>` or a disguised `<url|link>`.
 */
export function slackEscape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** An incoming-webhook message: `text` for notifications, `blocks` for the channel. */
export function slackMessage(notice: Notice) {
  const [first] = notice.alerts;
  const count = notice.alerts.length;
  const plain = `${noticeHeadline(notice)}: ${first ? alertTitle(first) : ""}${count > 1 ? ` and ${count - 1} more` : ""}`;
  const lines = notice.alerts.slice(0, SHOWN).map((a) => {
    const link = alertLink(a);
    const title = slackEscape(alertTitle(a));
    return `${notice.event === "resolve" ? ":white_check_mark:" : icon[a.severity]} *${link ? `<${link}|${title}>` : title}* ${a.severity}\n${slackEscape(alertSummary(a))}`;
  });
  if (count > SHOWN) lines.push(`…and ${count - SHOWN} more`);
  return {
    text: slackEscape(plain),
    blocks: [
      // plain_text is never parsed for mentions or links, so it carries the text as it is.
      { type: "header", text: { type: "plain_text", text: plain.slice(0, 150) } },
      ...lines.map((line) => ({ type: "section", text: { type: "mrkdwn", text: line.slice(0, 3000) } })),
    ],
  };
}

export function sendSlack(config: SlackConfig, notice: Notice): Promise<Outcome> {
  return postJson(config.webhookUrl, JSON.stringify(slackMessage(notice)));
}
