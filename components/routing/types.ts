import type { ActionResult } from "@/components/ui/action-result";
import type { ChannelView } from "@/lib/domain/channels/list-channels";
import type { Routing } from "@/lib/domain/routing/current-routing";
import type { previewRouting } from "@/lib/domain/routing/preview-routing";
import type { listRoutingVersions } from "@/lib/domain/routing/routing-versions";
import type { testRoute } from "@/lib/domain/routing/test-route";
import type { AsJson } from "@/lib/json";
import type { Subscription } from "@/lib/live/topics";

export type { ChildRoute, RoutingTree } from "@/lib/domain/routing/tree";

/** GET /api/v1/routing. */
export type RoutingData = AsJson<Routing>;
/** GET /api/v1/routing/versions. */
export type VersionsData = AsJson<Awaited<ReturnType<typeof listRoutingVersions>>>;
/** GET /api/v1/channels. */
export type ChannelsData = { channels: AsJson<ChannelView>[] };
export type Channel = AsJson<ChannelView>;
/** Channels change by their own edits and by deliveries' outcomes, which flag one that keeps failing. */
export const CHANNELS_LIVE: readonly Subscription[] = ["channel", "alert"];
/** POST /api/v1/routing/preview. */
export type RoutingPreview = AsJson<Awaited<ReturnType<typeof previewRouting>>>;
/** POST /api/v1/routing/test. */
export type RouteTestResult = AsJson<Awaited<ReturnType<typeof testRoute>>>;

export const channelTypes = ["webhook", "slack", "pagerduty", "email"] as const;
export type ChannelType = (typeof channelTypes)[number];

/** The server actions an admin gets; everyone else reads. */
export interface RoutingActions {
  publishTree(input: { tree: unknown; expectedVersion: number }): Promise<ActionResult<number>>;
  addChannel(input: { name: string; type: string; config: Record<string, unknown> }): Promise<ActionResult<null>>;
  editChannel(input: { name: string; config: Record<string, unknown> }): Promise<ActionResult<null>>;
}
