import { z } from "zod";
import { serviceName } from "../services/report-schema";
import { rangeParams, resolveRange } from "./query-input";

export const annotationsQuery = z.object({ service: serviceName, ...rangeParams }).transform((q, ctx) => ({ service: q.service, ...resolveRange(q, ctx) }));
