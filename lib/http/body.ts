import { PayloadTooLarge, UnsupportedMediaType, ValidationError } from "@/lib/domain/errors";

export const MAX_BODY_BYTES = 1024 * 1024;

// OpenTelemetry exporters default to protobuf, and the first thing their users meet is this 400.
const PROTOBUF = /^application\/(x-)?protobuf\b/i;
// Only JSON: a form or text/plain body is what another site can post without a CORS preflight.
const JSON_TYPE = /^application\/([\w.+-]+\+)?json\s*(;|$)/i;

/** Reads a JSON body sent as `application/json`, refusing more than 1 MiB before buffering it all. */
export async function readJson(req: Request, limit = MAX_BODY_BYTES): Promise<unknown> {
  refuseDeclaredOver(req.headers.get("content-length"), limit);
  return parseJsonBody(await readText(req, limit), req.headers.get("content-type"));
}

/** A body whose declared length is past the limit is refused before a byte of it is read. */
export function refuseDeclaredOver(contentLength: string | null, limit: number): void {
  if (Number(contentLength ?? "0") > limit) throw new PayloadTooLarge(limit);
}

/** A body read whole, as JSON: empty is `undefined`; anything but JSON (or protobuf, to say what to send instead) is refused. */
export function parseJsonBody(text: string, contentType: string | null): unknown {
  if (text.trim() === "") return undefined;
  const type = contentType ?? "";
  if (!JSON_TYPE.test(type) && !PROTOBUF.test(type)) throw new UnsupportedMediaType();
  try {
    return JSON.parse(text);
  } catch {
    const message = PROTOBUF.test(type)
      ? "The body is protobuf; this endpoint takes JSON. An OpenTelemetry exporter sends JSON with OTEL_EXPORTER_OTLP_METRICS_PROTOCOL=http/json."
      : "The body is not valid JSON.";
    throw new ValidationError([{ path: "", message }]);
  }
}

async function readText(req: Request, limit: number): Promise<string> {
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new PayloadTooLarge(limit);
    }
    chunks.push(value);
  }
  return new TextDecoder("utf-8", { fatal: false }).decode(Buffer.concat(chunks));
}
