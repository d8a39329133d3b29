import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";
import { env } from "@/lib/env";

/** Names of cloud metadata services, refused before any lookup. */
const METADATA_NAMES = new Set(["metadata.google.internal", "metadata.goog", "metadata", "instance-data", "instance-data.ec2.internal"]);
/** Metadata addresses outside the link-local ranges (AWS's IPv6 endpoint, Oracle, Alibaba). */
const METADATA_ADDRESSES = new Set(["fd00:ec2::254", "192.0.0.192", "100.100.100.200"]);
/** Ranges nothing should ever send to: link-local (metadata lives there), unspecified, multicast, … */
const NEVER = new Set(["linkLocal", "unspecified", "multicast", "broadcast", "reserved"]);
/** Ranges inside the operator's own networks, allowed by OUTBOUND_ALLOW_PRIVATE. */
const PRIVATE = new Set(["private", "loopback", "uniqueLocal", "carrierGradeNat"]);

export class OutboundRefused extends Error {
  override name = "OutboundRefused";
}

/** Why an address may not be sent to, or null when it may. */
export function refusal(address: string, allowPrivate = env().OUTBOUND_ALLOW_PRIVATE): string | null {
  if (!ipaddr.isValid(address)) return `${address} is not an IP address`;
  // An IPv4-mapped IPv6 address (::ffff:169.254.169.254) is judged as the IPv4 one it is.
  const ip = ipaddr.process(address);
  const range = ip.range();
  if (METADATA_ADDRESSES.has(ip.toString())) return `${address} is a cloud metadata address`;
  if (NEVER.has(range)) return `${address} is a ${range} address`;
  if (PRIVATE.has(range) && !allowPrivate) return `${address} is a ${range} address (set OUTBOUND_ALLOW_PRIVATE=1 to allow private networks)`;
  return null;
}

function bare(hostname: string): string {
  return hostname.replace(/^\[|\]$/g, "").replace(/\.$/, "").toLowerCase();
}

/**
 * Resolves a host and checks every address it has, returning the one to connect to. The caller
 * connects to that address, not the name again, so DNS cannot answer differently after the check.
 */
export async function resolveChecked(hostname: string): Promise<string> {
  const host = bare(hostname);
  if (METADATA_NAMES.has(host)) throw new OutboundRefused(`${host} is a cloud metadata service`);
  const addresses = isIP(host) ? [host] : (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
  const refused = addresses.map((a) => refusal(a)).find((r) => r !== null);
  // One refused address refuses the name, so round-robin DNS cannot slip one in.
  if (refused) throw new OutboundRefused(`${host}: ${refused}`);
  return addresses[0]!;
}

/**
 * Why a channel's endpoint is refused at save, or null. A name that does not resolve now passes:
 * each send resolves and checks again.
 */
export async function endpointRefusal(host: string): Promise<string | null> {
  try {
    await resolveChecked(host);
    return null;
  } catch (error) {
    return error instanceof OutboundRefused ? error.message : null;
  }
}

/** The host a channel's config sends to. */
export function endpointHost(config: Record<string, unknown>): string | null {
  const url = config.url ?? config.webhookUrl;
  if (typeof url === "string") return new URL(url).hostname;
  return typeof config.host === "string" ? config.host : null;
}
