import { MASK, maskSecrets } from "../audit/mask";

/** The keys that say where a channel sends; a change to any of them is a new endpoint. */
const ENDPOINT_KEYS = ["url", "webhookUrl", "host", "port"];

/**
 * A channel's config as people see it: secrets masked, and a Slack webhook URL reduced to its
 * host, since its path is the credential.
 */
export function presentConfig(type: string, config: Record<string, unknown>): Record<string, unknown> {
  const masked = maskSecrets(config);
  if (type === "slack" && typeof config.webhookUrl === "string") masked.webhookUrl = `${new URL(config.webhookUrl).origin}/${MASK}`;
  return masked;
}

/**
 * An edited config with every value sent back exactly as it was read (masked) replaced by the
 * stored one, and the keys so kept.
 */
export function unmask(type: string, edited: Record<string, unknown>, stored: Record<string, unknown>): { config: Record<string, unknown>; kept: string[] } {
  const shown = presentConfig(type, stored);
  const kept = Object.keys(edited).filter((key) => typeof edited[key] === "string" && edited[key].includes(MASK) && key in stored && edited[key] === shown[key]);
  return { config: { ...edited, ...Object.fromEntries(kept.map((key) => [key, stored[key]])) }, kept };
}

/**
 * Stored secrets an edit would send to another endpoint: the ones it kept while changing the URL,
 * host or port. They must be typed again, so neither an edit nor a forged request can steer them
 * to another server.
 */
export function secretsMovingEndpoint(kept: string[], next: Record<string, unknown>, stored: Record<string, unknown>): string[] {
  if (ENDPOINT_KEYS.every((key) => next[key] === stored[key])) return [];
  return kept.filter((key) => !ENDPOINT_KEYS.includes(key));
}

/** A value still showing the mask that was not sent back as read: a guess or an edit of a mask. */
export function stillMasked(config: Record<string, unknown>, kept: string[]): string[] {
  return Object.keys(config).filter((key) => !kept.includes(key) && typeof config[key] === "string" && config[key].includes(MASK));
}
