import { randomUUID } from "node:crypto";
import type { Role } from "./access/roles";

/** A personal token a person acts with: one admin may mint it for another, so it is named in what it does. */
export interface PersonalToken {
  id: string;
  name: string;
}

/** Who is acting: a signed-in person (with a session, or with `token`), a service's token, or the console itself. */
export type Actor =
  | { kind: "user"; id: string; email: string; role: Role; token: PersonalToken | null }
  | { kind: "service"; tokenName: string; scope: string }
  | { kind: "system"; name: string }
  | { kind: "anonymous" };

export interface Ctx {
  actor: Actor;
  requestId: string;
  ip: string | null;
  userAgent: string | null;
}

export function actorName(actor: Actor): string {
  switch (actor.kind) {
    case "user":
      return actor.email;
    case "service":
      return `token:${actor.tokenName}`;
    case "system":
      return actor.name;
    case "anonymous":
      return "anonymous";
  }
}

/** The personal token behind an action, if a person acted with one. */
export function actorToken(actor: Actor): PersonalToken | null {
  return actor.kind === "user" ? actor.token : null;
}

export function actorRole(actor: Actor): string | null {
  if (actor.kind === "user") return actor.role;
  if (actor.kind === "service") return "service";
  return actor.kind === "system" ? "system" : null;
}

/** The console acting by itself (expiries, escalations) or, named `cli:…`, a person at the server's shell. */
export function systemCtx(name = "system"): Ctx {
  return { actor: { kind: "system", name }, requestId: randomUUID(), ip: null, userAgent: null };
}
