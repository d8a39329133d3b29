export type { Annotation } from "@/lib/domain/metrics/annotations";
export type { MetricService } from "@/lib/domain/metrics/catalog";
export type { QueryResult } from "@/lib/domain/metrics/query";
