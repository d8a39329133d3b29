import CircuitBreaker from "opossum";
import { createBreakwaterClient, type BreakwaterClient } from "@/lib/sdk";
import type { ServiceBreaker, ServiceBreakers } from "@/lib/domain/breakers/types";
import type { ServiceView } from "@/lib/domain/services/list-services";
import { unique } from "../support/accounts";
import type { TestApp } from "../support/app";
import type { Caller } from "../support/http";
import { until } from "../support/until";

/** What the SDK tests share: clients and breakers closed after the file, a flaky dependency, and waiting on the console. */
export function sdkFixture() {
  const clients: BreakwaterClient[] = [];
  const breakers: CircuitBreaker[] = [];
  return {
    client(app: TestApp, token: string, service: string) {
      const client = createBreakwaterClient({
        url: app.url,
        token,
        service,
        instance: unique(service),
        environment: "production",
        heartbeatMs: 500,
        controlWaitSeconds: 30,
      });
      clients.push(client);
      return client;
    },
    /** A real opossum breaker, quick to reset, in front of a dependency the test makes fail at will. */
    breaker(name: string, options: CircuitBreaker.Options = {}) {
      const dependency = { healthy: true };
      const breaker = new CircuitBreaker(
        async () => {
          if (!dependency.healthy) throw new Error(`${name} is down`);
          return "ok";
        },
        { name, timeout: 1_000, resetTimeout: 500, volumeThreshold: 3, errorThresholdPercentage: 50, ...options },
      );
      breakers.push(breaker);
      return { breaker, dependency };
    },
    close() {
      clients.splice(0).forEach((c) => c.close());
      breakers.splice(0).forEach((b) => b.shutdown());
    },
  };
}

/** "ok", or opossum's code for a refused call (EOPENBREAKER), or "failed" when the dependency failed. */
export async function attempt(breaker: CircuitBreaker): Promise<string> {
  try {
    return String(await breaker.fire());
  } catch (error) {
    return (error as { code?: string }).code ?? "failed";
  }
}

/** Polls `probe` until it returns a value, failing with `what` after the deadline. */
export async function eventually<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, ms = 10_000): Promise<T> {
  const value = await until(probe, (v) => v !== undefined, ms);
  if (value === undefined) throw new Error(`Timed out after ${ms} ms waiting until ${what}`);
  return value;
}

export async function consoleBreaker(caller: Caller, service: string, name: string): Promise<ServiceBreaker | undefined> {
  const response = await caller.get(`/api/v1/services/${service}/breakers`);
  if (response.status === 404) return undefined;
  if (response.status !== 200) throw new Error(`breakers of ${service} answered ${response.status}`);
  const body = (await response.json()) as ServiceBreakers;
  return body.breakers.find((b) => b.breaker === name);
}

export async function consoleService(caller: Caller, service: string): Promise<ServiceView | undefined> {
  const response = await caller.get("/api/v1/services");
  if (response.status !== 200) throw new Error(`services answered ${response.status}`);
  const body = (await response.json()) as { services: ServiceView[] };
  return body.services.find((s) => s.name === service);
}
