import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { changeRequestPath, changeRequestsQuery, editBody, rejectBody } from "@/lib/domain/config/change-requests/inputs";
import { documentPath } from "@/lib/domain/config/inputs";
import { policyBody } from "@/lib/domain/config/policy/inputs";
import { scheduleBody, schedulePath, schedulesQuery } from "@/lib/domain/schedules/inputs";
import { operation } from "./operation";
import { approveChangeRequest } from "@/lib/domain/config/change-requests/approve";
import { editChangeRequest } from "@/lib/domain/config/change-requests/edit";
import { rejectChangeRequest } from "@/lib/domain/config/change-requests/reject";
import { reviewChangeRequest } from "@/lib/domain/config/change-requests/review";
import { setConfigPolicy } from "@/lib/domain/config/policy/set-policy";
import { createSchedule } from "@/lib/domain/schedules/create";
import { deleteSchedule } from "@/lib/domain/schedules/delete";

// Safe config changes: policies, change requests and schedules. Answers are described loosely.

const time = z.iso.datetime({ offset: true });
const policy = z.looseObject({ approvals: z.number().int(), freezeWhileCritical: z.boolean() });
const changeRequest = z
  .looseObject({
    id: z.number().int(),
    kind: z.enum(["approval", "break_glass"]),
    status: z.enum(["pending", "applied", "rejected", "stale"]),
    service: z.string(),
    environment: z.string(),
    expectedVersion: z.number().int(),
    author: z.string(),
    approvalsRequired: z.number().int(),
    approvals: z.array(z.object({ approver: z.string(), approvedAt: time })),
  })
  .meta({ id: "ChangeRequest" });
const schedule = z
  .looseObject({ id: z.number().int(), kind: z.enum(["mode_flip", "apply_change_request"]), status: z.enum(["pending", "applied", "suspended"]), at: time, suspendedReason: z.string().nullable() })
  .meta({ id: "Schedule" });
const decided = z.object({ changeRequest: z.looseObject({ id: z.number().int(), status: z.string() }) });

export const changePaths: ZodOpenApiPathsObject = {
  "/api/v1/config/{service}/{environment}/policy": {
    get: operation({
      summary: "The document's policy, and whether it is frozen now and by which alerts",
      tags: ["config"],
      permit: "viewer",
      path: documentPath,
      answers: { 200: { description: "Defaults (no approvals, no freeze) when none was set.", schema: policy.extend({ frozen: z.object({ alerts: z.array(z.looseObject({ id: z.number().int(), name: z.string() })) }).nullable() }) } },
    }),
    put: operation({
      summary: "Set how many admins approve a publish first, and whether a critical alert freezes the document; audited",
      tags: ["config"],
      verb: setConfigPolicy,
      path: documentPath,
      body: policyBody,
      answers: { 200: { description: "The policy in force.", schema: policy } },
    }),
  },
  "/api/v1/change-requests": {
    get: operation({
      summary: "Change requests, newest first, each with its approvals and its diff (a pending one against the current version), secrets masked",
      tags: ["config"],
      permit: "viewer",
      query: changeRequestsQuery,
      answers: { 200: { description: "The requests.", schema: z.object({ items: z.array(changeRequest) }) } },
    }),
  },
  "/api/v1/change-requests/{id}": {
    patch: operation({
      summary: "Replace what a pending request would publish (its author only); every approval given so far is dropped",
      tags: ["config"],
      verb: editChangeRequest,
      path: changeRequestPath,
      body: editBody,
      errors: [404, 409, 422],
      answers: { 200: { description: "The request, with no approvals.", schema: decided } },
    }),
  },
  "/api/v1/change-requests/{id}/approve": {
    post: operation({
      summary: "Approve as an admin other than the author; the last approval needed applies it through the publish's compare-and-swap",
      tags: ["config"],
      verb: approveChangeRequest,
      path: changeRequestPath,
      errors: [404, 409, 422],
      answers: { 200: { description: "Still pending (approvals so far), or applied with its version; 409 when the document moved and the request is now stale.", schema: decided } },
    }),
  },
  "/api/v1/change-requests/{id}/reject": {
    post: operation({
      summary: "Reject a pending request with a reason",
      tags: ["config"],
      verb: rejectChangeRequest,
      path: changeRequestPath,
      body: rejectBody,
      errors: [404, 409],
      answers: { 200: { description: "The rejected request.", schema: decided } },
    }),
  },
  "/api/v1/change-requests/{id}/review": {
    post: operation({
      summary: "Sign off a break-glass publish, as an admin other than the one who broke the glass",
      tags: ["config"],
      verb: reviewChangeRequest,
      path: changeRequestPath,
      errors: [404, 409],
      answers: { 200: { description: "The reviewed request.", schema: z.object({ changeRequest: z.looseObject({ id: z.number().int(), reviewedBy: z.string() }) }) } },
    }),
  },
  "/api/v1/schedules": {
    get: operation({
      summary: "Schedules: pending ones first, then applied and suspended ones with the reason",
      tags: ["schedules"],
      permit: "viewer",
      query: schedulesQuery,
      answers: { 200: { description: "The schedules.", schema: z.object({ items: z.array(schedule) }) } },
    }),
    post: operation({
      summary: "Schedule a mode flip (operator) or the apply of a change request (admin); suspended, not applied, if its target moves before then",
      tags: ["schedules"],
      verb: createSchedule,
      body: scheduleBody,
      errors: [404, 409, 422],
      answers: { 201: { description: "The schedule.", schema: z.object({ id: z.number().int(), status: z.literal("pending") }) } },
    }),
  },
  "/api/v1/schedules/{id}": {
    delete: operation({
      summary: "Cancel a pending schedule (admins only for a change request's)",
      tags: ["schedules"],
      verb: deleteSchedule,
      path: schedulePath,
      errors: [404, 409],
      answers: { 200: { description: "Cancelled.", schema: z.null() } },
    }),
  },
};
