import { and, desc, eq, inArray, isNull, type SQL } from "drizzle-orm";
import { changeRequestApprovals, changeRequests, configDocuments, configVersions } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import { maskSecrets, type SecretPaths } from "../../audit/mask";
import { configChanges, type ConfigChange } from "../diff";
import { schemaSecretPaths } from "../schema-secrets";
import type { ChangeRequestsQuery } from "./inputs";
import type { ChangeRequestRow } from "./lock-request";

export interface ChangeRequestView {
  id: number;
  kind: ChangeRequestRow["kind"];
  status: ChangeRequestRow["status"];
  service: string;
  environment: string;
  message: string;
  expectedVersion: number;
  bakeMinutes: number | null;
  rollout: unknown;
  author: string;
  createdAt: string;
  updatedAt: string;
  revision: number;
  approvalsRequired: number;
  approvals: { approver: string; approvedAt: string }[];
  appliedVersion: number | null;
  decidedBy: string | null;
  decidedAt: string | null;
  rejectReason: string | null;
  breakGlass: { reason: string; reviewedBy: string | null; reviewedAt: string | null } | null;
  /** The document's version now: a pending request whose `expectedVersion` differs will go stale. */
  currentVersion: number;
  /** Secrets masked. */
  body: Record<string, unknown>;
  /** What it changes: a pending request against the current version, a settled one against the version it was based on. */
  changes: ConfigChange[];
}

/** Change requests, newest first, each with its approvals and its diff. */
export async function listChangeRequests(db: Db, filter: ChangeRequestsQuery): Promise<{ items: ChangeRequestView[] }> {
  const where: SQL[] = [];
  if (filter.status) where.push(eq(changeRequests.status, filter.status));
  if (filter.service) where.push(eq(changeRequests.service, filter.service));
  if (filter.environment) where.push(eq(changeRequests.environment, filter.environment));
  if (filter.unreviewed) where.push(eq(changeRequests.kind, "break_glass"), isNull(changeRequests.reviewedAt));
  const rows = await db
    .select({ request: changeRequests, currentVersion: configDocuments.currentVersion, schema: configDocuments.schema })
    .from(changeRequests)
    .leftJoin(configDocuments, and(eq(configDocuments.service, changeRequests.service), eq(configDocuments.environment, changeRequests.environment)))
    .where(and(...where))
    .orderBy(desc(changeRequests.id))
    .limit(filter.limit);
  if (rows.length === 0) return { items: [] };
  const approvals = await db
    .select()
    .from(changeRequestApprovals)
    .where(
      inArray(
        changeRequestApprovals.changeRequestId,
        rows.map((r) => r.request.id),
      ),
    )
    .orderBy(changeRequestApprovals.approvedAt);
  const found = rows.map(({ request, currentVersion, schema }) => ({
    request,
    currentVersion: currentVersion ?? 0,
    base: request.status === "pending" ? (currentVersion ?? 0) : request.expectedVersion,
    marked: schemaSecretPaths(schema),
  }));
  const bases = await baseBodies(db, found.map(({ request, base }) => ({ service: request.service, environment: request.environment, base })));
  return {
    items: found.map(({ request, currentVersion, base, marked }) =>
      present(request, currentVersion, approvals.filter((a) => a.changeRequestId === request.id), bases.get(key(request.service, request.environment, base)) ?? {}, marked),
    ),
  };
}

const key = (service: string, environment: string, version: number) => `${service}\u0000${environment}\u0000${version}`;

async function baseBodies(db: Db, wanted: { service: string; environment: string; base: number }[]): Promise<Map<string, Record<string, unknown>>> {
  const bodies = new Map<string, Record<string, unknown>>();
  const versions = wanted.filter((w) => w.base > 0);
  if (versions.length === 0) return bodies;
  const rows = await db
    .select({ service: configVersions.service, environment: configVersions.environment, version: configVersions.version, body: configVersions.body })
    .from(configVersions)
    .where(
      and(
        inArray(configVersions.service, [...new Set(versions.map((v) => v.service))]),
        inArray(configVersions.version, [...new Set(versions.map((v) => v.base))]),
      ),
    );
  for (const row of rows) bodies.set(key(row.service, row.environment, row.version), row.body);
  return bodies;
}

function present(
  request: ChangeRequestRow,
  currentVersion: number,
  approvals: (typeof changeRequestApprovals.$inferSelect)[],
  base: Record<string, unknown>,
  marked: SecretPaths,
): ChangeRequestView {
  return {
    id: request.id,
    kind: request.kind,
    status: request.status,
    service: request.service,
    environment: request.environment,
    message: request.message,
    expectedVersion: request.expectedVersion,
    bakeMinutes: request.bakeMinutes,
    rollout: request.rollout,
    author: request.author,
    createdAt: request.createdAt.toISOString(),
    updatedAt: request.updatedAt.toISOString(),
    revision: request.revision,
    approvalsRequired: request.approvalsRequired,
    approvals: approvals.map((a) => ({ approver: a.approver, approvedAt: a.approvedAt.toISOString() })),
    appliedVersion: request.appliedVersion,
    decidedBy: request.decidedBy,
    decidedAt: request.decidedAt?.toISOString() ?? null,
    rejectReason: request.rejectReason,
    breakGlass: request.kind === "break_glass" ? { reason: request.breakGlassReason ?? "", reviewedBy: request.reviewedBy, reviewedAt: request.reviewedAt?.toISOString() ?? null } : null,
    currentVersion,
    body: maskSecrets(request.body, marked),
    changes: configChanges(base, request.body, marked),
  };
}
