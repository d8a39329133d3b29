/** The kinds of change a browser can subscribe to; pure, so the browser's bundle can import it. */
export const topics = ["breaker", "mode", "alert", "silence", "routing", "channel", "rule", "config", "audit", "metric", "service", "incident", "change_request", "schedule", "user", "token"] as const;
export type Topic = (typeof topics)[number];

/** The id of an event that stands for every resource of its topic: a listener that reconnected may have missed any of them. */
export const ANY_ID = "*";

/** What a live view shows: every resource of a topic, or one of them by its id. */
export type Subscription = Topic | { topic: Topic; id: string };

/** Whether a change of `topic`'s resource `id` concerns a view subscribed to `subscription`. */
export function concerns(subscription: Subscription, topic: Topic, id: string): boolean {
  if (typeof subscription === "string") return subscription === topic;
  return subscription.topic === topic && (id === ANY_ID || subscription.id === id);
}
