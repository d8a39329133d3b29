import type { IncomingMessage } from "node:http";
import ipaddr from "ipaddr.js";

export type TrustedProxies = [ipaddr.IPv4 | ipaddr.IPv6, number][];

/** `TRUSTED_PROXIES`: addresses or CIDR ranges, comma-separated; a bad entry throws, naming it. */
export function parseTrustedProxies(value: string): TrustedProxies {
  return value
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      if (entry.includes("/")) return normalisedRange(ipaddr.parseCIDR(entry));
      if (!ipaddr.isValid(entry)) throw new Error(`${entry} is not an IP address or CIDR range`);
      const ip = ipaddr.process(entry);
      return [ip, ip.kind() === "ipv4" ? 32 : 128];
    });
}

function normalisedRange([ip, bits]: [ipaddr.IPv4 | ipaddr.IPv6, number]): [ipaddr.IPv4 | ipaddr.IPv6, number] {
  return ip.kind() === "ipv6" && (ip as ipaddr.IPv6).isIPv4MappedAddress() ? [(ip as ipaddr.IPv6).toIPv4Address(), bits - 96] : [ip, bits];
}

/**
 * The address that sent the request: the socket's peer, unless that peer is a trusted proxy, in
 * which case the `X-Forwarded-For` hop it appended, walking left past every trusted proxy. Hops a
 * client wrote itself lie left of the first untrusted one, so they are never believed.
 */
export function clientAddress(socketAddress: string | undefined, forwardedFor: string | undefined, trusted: TrustedProxies): string | null {
  const hops = (forwardedFor ?? "").split(",").map((hop) => hop.trim()).filter(Boolean);
  let client = socketAddress ? canonical(socketAddress) : null;
  while (client && isTrusted(client, trusted) && hops.length > 0) client = canonical(hops.pop()!);
  return client;
}

function canonical(address: string): string {
  return ipaddr.isValid(address) ? ipaddr.process(address).toString() : address;
}

function isTrusted(address: string, trusted: TrustedProxies): boolean {
  if (!ipaddr.isValid(address)) return false;
  const ip = ipaddr.process(address);
  return trusted.some(([range, bits]) => range.kind() === ip.kind() && ip.match(range, bits));
}

/**
 * The client's address from an `X-Forwarded-For` whose last hop is the connection's own peer: the
 * console's Next.js is patched to append it (patches/next+16.4.6.patch) and the lane appends it
 * too (`appendPeer`), so the header a client sends can never pose as the connection itself.
 */
export function addressFromChain(forwardedFor: string | null, trusted: TrustedProxies): string | null {
  const hops = (forwardedFor ?? "").split(",").map((hop) => hop.trim()).filter(Boolean);
  const peer = hops.pop();
  return clientAddress(peer, hops.join(","), trusted);
}

/** What a proxy does for its client, and what the console's Next.js does: the socket's peer appended to `X-Forwarded-For`. */
export function appendPeer(req: IncomingMessage): void {
  const sent = req.headers["x-forwarded-for"];
  const peer = req.socket.remoteAddress;
  if (!peer) return;
  req.headers["x-forwarded-for"] = sent ? `${Array.isArray(sent) ? sent.join(", ") : sent}, ${peer}` : peer;
}
