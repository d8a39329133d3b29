/** The kinds of change a browser can subscribe to; pure, so the browser's bundle can import it. */
export const topics = ["breaker", "mode", "alert", "config", "audit", "metric", "service", "incident", "change_request", "schedule"] as const;
export type Topic = (typeof topics)[number];
