import { describe, expect, it } from "vitest";
import { addressFromChain, clientAddress, parseTrustedProxies } from "./client-address";

const proxies = parseTrustedProxies("10.0.0.0/8, 127.0.0.1, ::1");

describe("clientAddress", () => {
  it("is the socket's peer when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddress("203.0.113.5", "1.2.3.4", [])).toBe("203.0.113.5");
    expect(clientAddress("::ffff:203.0.113.5", undefined, proxies)).toBe("203.0.113.5");
  });

  it("is the hop a trusted proxy appended, not the ones the client wrote before it", () => {
    expect(clientAddress("10.1.2.3", "1.2.3.4, 198.51.100.7", proxies)).toBe("198.51.100.7");
    expect(clientAddress("127.0.0.1", "1.2.3.4, 198.51.100.7, 10.9.9.9", proxies)).toBe("198.51.100.7");
  });

  it("stays on the trusted proxy itself when it forwarded nothing", () => {
    expect(clientAddress("::ffff:127.0.0.1", undefined, proxies)).toBe("127.0.0.1");
  });

  it("refuses a malformed entry by name", () => {
    expect(() => parseTrustedProxies("10.0.0.0/8, proxy.internal")).toThrow(/proxy\.internal/);
  });
});

describe("addressFromChain", () => {
  it("reads the connection's peer from the end of the header, and walks left only past trusted proxies", () => {
    expect(addressFromChain("1.2.3.4, 203.0.113.5", [])).toBe("203.0.113.5");
    expect(addressFromChain("1.2.3.4, 198.51.100.7, 127.0.0.1", proxies)).toBe("198.51.100.7");
    expect(addressFromChain(null, proxies)).toBeNull();
  });
});
