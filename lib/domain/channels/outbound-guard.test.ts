import { describe, expect, it } from "vitest";
import { OutboundRefused, refusal, resolveChecked } from "./outbound-guard";

describe("outbound addresses", () => {
  it("refuse link-local, metadata, unspecified and multicast addresses even with private networks allowed", () => {
    for (const a of ["169.254.169.254", "169.254.1.1", "fe80::1", "fd00:ec2::254", "::ffff:169.254.169.254", "100.100.100.200", "0.0.0.0", "::", "224.0.0.1"]) {
      expect(refusal(a, true), a).not.toBeNull();
    }
  });

  it("refuse private and loopback addresses unless allowed", () => {
    for (const a of ["127.0.0.1", "::1", "10.0.0.1", "172.16.0.1", "192.168.1.1", "fc00::1", "::ffff:127.0.0.1"]) {
      expect(refusal(a, false), a).not.toBeNull();
      expect(refusal(a, true), a).toBeNull();
    }
  });

  it("allow public addresses", () => {
    expect(refusal("93.184.215.14", false)).toBeNull();
    expect(refusal("2606:4700::1111", false)).toBeNull();
  });

  it("refuse metadata names before resolving them", async () => {
    await expect(resolveChecked("metadata.google.internal")).rejects.toThrow(OutboundRefused);
    await expect(resolveChecked("[fd00:ec2::254]")).rejects.toThrow(OutboundRefused);
  });
});
