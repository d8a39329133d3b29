import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { operation } from "./operation";

/** What anyone may ask the console of itself: liveness, readiness, its metrics and this document. */
export const probePaths: ZodOpenApiPathsObject = {
  "/api/health": {
    get: operation({
      summary: "Liveness",
      tags: ["operations"],
      permit: "public",
      answers: { 200: { description: "The process runs.", schema: z.object({ status: z.literal("ok") }) } },
    }),
  },
  "/api/ready": {
    get: operation({
      summary: "Readiness: whether the database answers",
      tags: ["operations"],
      permit: "public",
      answers: {
        200: { description: "The database answered within 2 s.", schema: z.object({ status: z.literal("ready") }) },
        503: { description: "The database did not answer.", schema: z.object({ status: z.literal("unavailable"), message: z.string() }) },
      },
    }),
  },
  "/api/metrics": {
    get: operation({
      summary: "The console's own metrics",
      tags: ["operations"],
      permit: "public",
      answers: { 200: { description: "Prometheus text exposition format.", schema: z.string(), contentType: "text/plain; version=0.0.4" } },
    }),
  },
  "/api/openapi.json": {
    get: operation({
      summary: "This document",
      tags: ["operations"],
      permit: "public",
      answers: { 200: { description: "OpenAPI 3.1.", schema: z.record(z.string(), z.unknown()) } },
    }),
  },
};
