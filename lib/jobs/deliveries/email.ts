import { isIP } from "node:net";
import nodemailer from "nodemailer";
import type { EmailConfig } from "@/lib/domain/channels/channel-input";
import { resolveChecked } from "@/lib/domain/channels/outbound-guard";
import { describe, type Outcome } from "./http-post";
import { alertLink, alertSummary, alertTitle, noticeHeadline, type Notice } from "./notice";

export function emailMessage(notice: Notice) {
  const [first] = notice.alerts;
  const more = notice.alerts.length > 1 ? ` and ${notice.alerts.length - 1} more` : "";
  const subject = `[${noticeHeadline(notice)}] ${first ? `${first.severity.toUpperCase()} ${alertTitle(first)}` : ""}${more}`;
  const text = notice.alerts
    .map((a) => {
      const labels = Object.entries(a.labels).map(([k, v]) => `  ${k}=${v}`);
      const link = alertLink(a);
      return [`${alertTitle(a)} (${a.severity}, ${a.status})`, alertSummary(a), `Since ${new Date(a.startsAt).toISOString()}`, "Labels:", ...labels, ...(link ? [link] : [])].join("\n");
    })
    .join("\n\n");
  return { subject, text };
}

/** Sends to the SMTP server at the address the guard checked, pinned, with TLS still checking the host's name. */
export async function sendEmail(config: EmailConfig, notice: Notice): Promise<Outcome> {
  const started = performance.now();
  let address: string;
  try {
    address = await resolveChecked(config.host);
  } catch (error) {
    return { ok: false, statusCode: null, error: describe(error), durationMs: Math.round(performance.now() - started), permanent: false };
  }
  const transport = nodemailer.createTransport({
    host: address,
    port: config.port,
    // TLS checks the certificate against the name, not the pinned address (SNI takes no IP).
    ...(isIP(config.host) ? {} : { tls: { servername: config.host } }),
    secure: config.secure,
    auth: config.user ? { user: config.user, pass: config.password ?? "" } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 10_000,
  });
  try {
    await transport.sendMail({ from: config.from, to: config.to, ...emailMessage(notice), headers: { "X-Breakwater-Idempotency-Key": notice.idempotencyKey } });
    return { ok: true, statusCode: null, error: null, durationMs: Math.round(performance.now() - started), permanent: false };
  } catch (error) {
    const code = (error as { responseCode?: number }).responseCode ?? null;
    // SMTP 5xx replies are permanent refusals; 4xx ones ask to try later.
    return { ok: false, statusCode: code, error: describe(error), durationMs: Math.round(performance.now() - started), permanent: code !== null && code >= 500 };
  } finally {
    transport.close();
  }
}
