import { MASK, maskSecrets } from "../audit/mask";

/**
 * A channel's config as people see it: secrets masked, and a Slack webhook URL reduced to its
 * host, since its path is the credential.
 */
export function presentConfig(type: string, config: Record<string, unknown>): Record<string, unknown> {
  const masked = maskSecrets(config);
  if (type === "slack" && typeof config.webhookUrl === "string") masked.webhookUrl = `${new URL(config.webhookUrl).origin}/${MASK}`;
  return masked;
}

/** An edited config with every value still showing the mask replaced by the stored one. */
export function unmask(edited: Record<string, unknown>, stored: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(edited).map(([key, value]) => [key, typeof value === "string" && value.includes(MASK) && key in stored ? stored[key] : value]),
  );
}
