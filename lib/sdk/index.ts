export { createBreakwaterClient } from "./client";
export type { BreakwaterClient, BreakwaterClientOptions, BreakerSource, ModeChange } from "./client-api";
export { BreakwaterHttpError } from "./http";
export { watchOpossum } from "./opossum";
export { defaultModes } from "./types";
export type {
  BreakerEvent,
  BreakerEventName,
  BreakerSnapshot,
  BreakerState,
  ControlDocument,
  ControlOverride,
  HealthStatus,
  Override,
  Report,
} from "./types";
