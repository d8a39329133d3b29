import { describe, expect, it } from "vitest";
import { DomainError } from "@/lib/domain/errors";
import { MAX_BODY_BYTES, readJson } from "./body";

function post(body: BodyInit, headers: Record<string, string> = { "content-type": "application/json" }): Request {
  const streamed = body instanceof ReadableStream;
  return new Request("http://test/api", { method: "POST", body, headers, ...(streamed ? { duplex: "half" } : {}) } as RequestInit);
}

/** A body sent in chunks with no content-length, as a chunked upload arrives. */
function stream(totalBytes: number, chunkBytes = 64 * 1024): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= totalBytes) return controller.close();
      const size = Math.min(chunkBytes, totalBytes - sent);
      sent += size;
      controller.enqueue(new Uint8Array(size).fill(0x20));
    },
  });
}

async function failure(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe("readJson", () => {
  it.each(["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/jsonp", ""])("refuses a %s body with 415's code", async (type) => {
    const error = await failure(readJson(new Request("http://test/api", { method: "POST", body: "{}", headers: type ? { "content-type": type } : {} })));
    expect(error.code).toBe("unsupported_media_type");
  });

  it("takes application/json with a charset and +json types", async () => {
    expect(await readJson(post("{}", { "content-type": "application/json; charset=utf-8" }))).toEqual({});
    expect(await readJson(post("{}", { "content-type": "application/merge-patch+json" }))).toEqual({});
  });

  it("parses a JSON body", async () => {
    expect(await readJson(post(JSON.stringify({ a: [1, "ü"] })))).toEqual({ a: [1, "ü"] });
  });

  it("tells a protobuf sender to switch its exporter to JSON", async () => {
    const error = await failure(readJson(post(new Uint8Array([0x0a, 0x8f, 0x01, 0x0a, 0x1c]), { "content-type": "application/x-protobuf" })));
    expect(error.code).toBe("validation");
    expect(JSON.stringify(error.details)).toContain("OTEL_EXPORTER_OTLP_METRICS_PROTOCOL=http/json");
  });

  it("reads an empty body as undefined", async () => {
    expect(await readJson(post(""))).toBeUndefined();
    expect(await readJson(new Request("http://test/api", { method: "POST" }))).toBeUndefined();
  });

  it("refuses bad JSON as a validation error", async () => {
    const error = await failure(readJson(post("{not json")));
    expect(error.code).toBe("validation");
    expect(error.details.issues).toEqual([{ path: "", message: expect.any(String) }]);
  });

  it("refuses a declared content-length over 1 MiB before reading", async () => {
    const error = await failure(readJson(post("{}", { "content-type": "application/json", "content-length": String(MAX_BODY_BYTES + 1) })));
    expect(error.code).toBe("too_large");
  });

  it("refuses more than 1 MiB streamed without a content-length", async () => {
    const request = post(stream(2 * MAX_BODY_BYTES));
    expect(request.headers.get("content-length")).toBeNull();
    expect((await failure(readJson(request))).code).toBe("too_large");
  });

  it("accepts exactly 1 MiB", async () => {
    const json = JSON.stringify({ pad: "x".repeat(MAX_BODY_BYTES - 10) });
    expect(Buffer.byteLength(json)).toBe(MAX_BODY_BYTES);
    expect(await readJson(post(json))).toEqual({ pad: expect.any(String) });
  });

  it("counts bytes, not characters", async () => {
    const json = JSON.stringify({ pad: "é".repeat(MAX_BODY_BYTES / 2) });
    expect(json.length).toBeLessThan(MAX_BODY_BYTES);
    expect((await failure(readJson(post(json)))).code).toBe("too_large");
  });
});
