import { z } from "zod";
import { CONSOLE } from "../routing/tree";

const httpUrl = z.url({ protocol: /^https?$/ }).max(2000);

export const webhookConfig = z.object({ url: httpUrl, secret: z.string().min(1).max(500).optional() });
export const slackConfig = z.object({ webhookUrl: httpUrl });
export const pagerdutyConfig = z.object({
  routingKey: z.string().trim().min(1).max(200),
  url: httpUrl.default("https://events.pagerduty.com/v2/enqueue"),
});
export const emailConfig = z.object({
  host: z.string().trim().min(1).max(255),
  port: z.number().int().min(1).max(65535),
  secure: z.boolean().default(false),
  user: z.string().max(255).optional(),
  password: z.string().max(500).optional(),
  from: z.string().trim().min(3).max(320),
  to: z.array(z.email()).min(1).max(50),
});

export type WebhookConfig = z.output<typeof webhookConfig>;
export type SlackConfig = z.output<typeof slackConfig>;
export type PagerdutyConfig = z.output<typeof pagerdutyConfig>;
export type EmailConfig = z.output<typeof emailConfig>;

export const configOf = { webhook: webhookConfig, slack: slackConfig, pagerduty: pagerdutyConfig, email: emailConfig } as const;

export const channelName = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9][\w.-]*$/, "letters, digits and . _ - only, starting with a letter or digit")
  .refine((n) => n !== CONSOLE, `${CONSOLE} is the receiver that notifies no channel`);

export const createChannelInput = z.discriminatedUnion("type", [
  z.object({ name: channelName, type: z.literal("webhook"), config: webhookConfig }),
  z.object({ name: channelName, type: z.literal("slack"), config: slackConfig }),
  z.object({ name: channelName, type: z.literal("pagerduty"), config: pagerdutyConfig }),
  z.object({ name: channelName, type: z.literal("email"), config: emailConfig }),
]);

export type ChannelInput = z.output<typeof createChannelInput>;

/** An edit: the whole config again, where a masked value, as read back, keeps the stored secret. */
export const updateChannelInput = z.object({ name: channelName, config: z.record(z.string(), z.unknown()) });
