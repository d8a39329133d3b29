import { asc, eq, sql } from "drizzle-orm";
import { breakers, breakerTransitions, services } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import { NotFound } from "../errors";
import { byTrouble, toInstance } from "./aggregate";
import { breakerCards } from "./list-breaker-cards";
import type { BreakerTransition, ServiceBreakers } from "./types";

export const TRANSITIONS_PER_BREAKER = 50;

/** The drill-down of one service: each breaker aggregated, its instances, its latest transitions newest first. */
export async function serviceBreakers(db: Db, service: string, now = new Date()): Promise<ServiceBreakers> {
  const [known] = await db.select({ name: services.name }).from(services).where(eq(services.name, service));
  if (!known) throw new NotFound(`The service ${service}`);
  const [cards, rows, transitions] = await Promise.all([
    breakerCards(db, now, service),
    db.select().from(breakers).where(eq(breakers.service, service)).orderBy(asc(breakers.instance)),
    recentTransitions(db, service),
  ]);
  return {
    service,
    breakers: cards.sort(byTrouble).map((card) => ({
      ...card,
      instances: rows.filter((r) => r.name === card.breaker).map((r) => toInstance(r, now)),
      transitions: transitions.filter((t) => t.breaker === card.breaker),
    })),
  };
}

async function recentTransitions(db: Db, service: string): Promise<BreakerTransition[]> {
  const ranked = db
    .select({
      id: breakerTransitions.id,
      service: breakerTransitions.service,
      instance: breakerTransitions.instance,
      breaker: breakerTransitions.breaker,
      from: breakerTransitions.fromState,
      to: breakerTransitions.toState,
      at: breakerTransitions.at,
      source: breakerTransitions.source,
      actor: breakerTransitions.actor,
      rank: sql<number>`row_number() over (partition by ${breakerTransitions.breaker} order by ${breakerTransitions.at} desc, ${breakerTransitions.id} desc)`.as("rank"),
    })
    .from(breakerTransitions)
    .where(sql`${breakerTransitions.service} = ${service}`)
    .as("ranked");
  const rows = await db
    .select()
    .from(ranked)
    .where(sql`${ranked.rank} <= ${TRANSITIONS_PER_BREAKER}`)
    .orderBy(sql`${ranked.at} desc`, sql`${ranked.id} desc`);
  return rows.map(({ rank: _rank, ...t }) => ({ ...t, at: t.at.toISOString() }));
}
