import { describe, expect, it } from "vitest";
import { isSecretKey, MASK, maskSecrets } from "./mask";

describe("maskSecrets", () => {
  it("masks values under secret-looking keys and keeps the rest", () => {
    expect(maskSecrets({ email: "a@example.com", password: "hunter2hunter2", role: "admin" })).toEqual({
      email: "a@example.com",
      password: MASK,
      role: "admin",
    });
  });

  it("masks at any depth, inside arrays too", () => {
    const masked = maskSecrets({
      channel: { type: "slack", config: { webhookUrl: "https://hooks", token: "xoxb-1", headers: [{ Authorization: "Bearer x" }] } },
      list: [{ apiKey: "k1" }, { api_key: "k2" }, { name: "plain" }],
    });
    expect(masked).toEqual({
      channel: { type: "slack", config: { webhookUrl: "https://hooks", token: MASK, headers: [{ Authorization: MASK }] } },
      list: [{ apiKey: MASK }, { api_key: MASK }, { name: "plain" }],
    });
  });

  it("masks a whole object held under a secret key", () => {
    expect(maskSecrets({ secret: { nested: "value" } })).toEqual({ secret: MASK });
  });

  it("keeps empty values visible, so an unset secret reads as unset", () => {
    expect(maskSecrets({ password: "", token: null, apiKey: undefined })).toEqual({ password: "", token: null, apiKey: undefined });
  });

  it("does not change its input", () => {
    const input = { password: "p4ssw0rd-long", nested: { secret: "s" } };
    maskSecrets(input);
    expect(input).toEqual({ password: "p4ssw0rd-long", nested: { secret: "s" } });
  });

  it("passes scalars, null and dates through", () => {
    const at = new Date();
    expect(maskSecrets("text")).toBe("text");
    expect(maskSecrets(null)).toBeNull();
    expect(maskSecrets(at)).toBe(at);
    expect(maskSecrets([1, "two"])).toEqual([1, "two"]);
  });

  it.each(["password", "passphrase", "dbPassword", "SMTP_PASS", "clientSecret", "client_secret", "accessToken", "apiKey", "api-key", "API_KEY", "privateKey", "Authorization", "cookie", "routingKey", "integration_key", "credentials"])(
    "treats %s as secret",
    (key) => expect(isSecretKey(key)).toBe(true),
  );

  it.each(["email", "role", "name", "service", "mode", "reason", "maxTokens", "tokensPerMinute", "secretName", "sortKey", "keyspace", "passengers", ""])("treats %s as plain", (key) => expect(isSecretKey(key)).toBe(false));
});

describe("masking what names alone missed", () => {
  it("masks plurals, connection strings, PEM keys and session keys", () => {
    const masked = maskSecrets({ secrets: ["a"], apiKeys: ["k"], tokens: { a: "t" }, passwords: ["p"], connectionString: "Server=db;Password=x", privateKeyPem: "-----BEGIN", sessionKey: "s", address: "x", maxTokens: 5 });
    expect(masked).toEqual({ secrets: MASK, apiKeys: MASK, tokens: MASK, passwords: MASK, connectionString: MASK, privateKeyPem: MASK, sessionKey: MASK, address: "x", maxTokens: 5 });
    expect(isSecretKey("status")).toBe(false);
    expect(isSecretKey("access")).toBe(false);
  });

  it("masks the credentials inside URLs, whatever key holds them", () => {
    expect(maskSecrets({ databaseUrl: "postgres://app:hunter2@db.internal:5432/app" })).toEqual({ databaseUrl: `postgres://app:${MASK}@db.internal:5432/app` });
    expect(maskSecrets(["https://api.test/v1?region=eu&token=abc&sig=xyz", "https://plain.test/a?b=c"])).toEqual([
      `https://api.test/v1?region=eu&token=${MASK}&sig=${MASK}`,
      "https://plain.test/a?b=c",
    ]);
  });
});
