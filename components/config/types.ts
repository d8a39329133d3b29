import type { ActionResult } from "@/components/ui/action-result";
import type { VersionDiff } from "@/lib/domain/config/diff-versions";
import type { Drift } from "@/lib/domain/config/drift";
import type { VersionsPage } from "@/lib/domain/config/list-versions";
import type { ConfigOverview } from "@/lib/domain/config/overview";
import type { ChangeRequestView } from "@/lib/domain/config/change-requests/list";
import type { DocumentPolicy } from "@/lib/domain/config/policy/document-policy";
import type { VersionBody } from "@/lib/domain/config/read-version";
import type { RolloutView } from "@/lib/domain/config/rollout/view";
import type { Issue } from "@/lib/domain/errors";
import type { AsJson } from "@/lib/json";
import type { Subscription } from "@/lib/live/topics";

export type { ChangeRequestView, ConfigOverview, DocumentPolicy, Drift, VersionBody, VersionDiff, VersionsPage };

export type RolloutAnswer = AsJson<{ rollout: RolloutView | null }>;

/** A stale version or a schema violation is an answer for the editor, not a failure: it shows the newer version or the issues inline. */
export type Published = { version: number } | { changeRequest: number } | { conflict: number } | { issues: Issue[] };

export interface Selected {
  service: string;
  environment: string;
}

export type Body = Record<string, unknown>;

/** The server actions the Config page hands to its parts. */
export interface ConfigActions {
  publish(
    input: Selected & { body: Body; message: string; expectedVersion: number; bakeMinutes?: number; rollout?: { steps: number[]; stepSeconds: number }; breakGlass?: { reason: string }; override?: { reason: string } },
  ): Promise<ActionResult<Published>>;
  rollback(input: Selected & { toVersion: number; reason: string; expectedVersion: number }): Promise<ActionResult<Published>>;
  saveSchema(input: Selected & { schema: Body | null }): Promise<ActionResult<null>>;
  endBakeEarly(input: Selected): Promise<ActionResult<null>>;
  reveal(input: Selected & { version: number }): Promise<ActionResult<Body>>;
  saveAsTemplate(input: { name: string; body: Body }): Promise<ActionResult<null>>;
  removeTemplate(input: { name: string }): Promise<ActionResult<null>>;
  addConfigEnvironment(input: { name: string }): Promise<ActionResult<null>>;
  savePolicy(input: Selected & { approvals: number; freezeWhileCritical: boolean }): Promise<ActionResult<null>>;
  approveRequest(input: { id: number }): Promise<ActionResult<ChangeRequestView["status"]>>;
  rejectRequest(input: { id: number; reason: string }): Promise<ActionResult<null>>;
  reviewRequest(input: { id: number }): Promise<ActionResult<null>>;
  moveRollout(input: Selected & { move: "advance" | "pause" | "abort"; reason?: string }): Promise<ActionResult<null>>;
}

export interface Abilities {
  /** Admins publish, roll back and edit schemas and templates. */
  edit: boolean;
  /** Operators and above end a bake early. */
  endBake: boolean;
  /** Who is looking, as the console names actors: an author neither approves nor reviews their own change. */
  me: string;
}

export const documentUrl = ({ service, environment }: Selected) => `/api/v1/config/${encodeURIComponent(service)}/${encodeURIComponent(environment)}`;

/** The live events of one document: its publishes, rollbacks, schema, policy, bake and rollout. */
export const documentTopic = ({ service, environment }: Selected): Subscription => ({ topic: "config", id: `${service}/${environment}` });

export const pretty = (value: unknown) => JSON.stringify(value, null, 2);
