import type { Db } from "@/lib/db/client";
import { Unprocessable } from "../errors";
import { appendVersion } from "./append-version";
import type { PublishInput } from "./inputs";
import { schemaViolations } from "./json-schema";
import { endRunningBake, type LockedDocument } from "./lock-document";
import { schemaSecretPaths } from "./schema-secrets";
import { restoreMasked } from "./secrets";

/**
 * The body a publish would store: values still showing the mask keep the stored secret, and it
 * must satisfy the document's schema. A change request is checked when made and again when applied.
 */
export function preparedBody(document: LockedDocument, edited: Record<string, unknown>): Record<string, unknown> {
  const { body, issues } = restoreMasked(edited, document.currentBody, schemaSecretPaths(document.schema));
  if (issues.length > 0) throw new Unprocessable("The body has masked values with nothing stored behind them.", issues);
  const violations = document.schema ? schemaViolations(document.schema, body) : [];
  if (violations.length > 0) throw new Unprocessable("The body does not match the document's schema.", violations);
  return body;
}

/**
 * Appends the published version to a locked document whose `expectedVersion` was checked: the one
 * way a publish lands, whether at once, by break glass or as an approved change request.
 */
export async function publishVersion(tx: Db, document: LockedDocument, input: PublishInput, author: string) {
  const body = preparedBody(document, input.body);
  await endRunningBake(tx, document, author, "ended");
  return appendVersion(tx, document, { body, message: input.message, author, rollbackOf: null, bakeMinutes: input.bakeMinutes ?? null, rollout: input.rollout ?? null });
}
