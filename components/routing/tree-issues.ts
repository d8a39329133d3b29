import { CONSOLE, receiversOf, routingTree } from "@/lib/domain/routing/tree";
import type { Draft } from "./route-edits";

/**
 * What is wrong with a draft, keyed by the dotted path of the field (`routes.0.matchers.1.value`):
 * the server's own schema, and receivers that name no channel, checked as the admin types.
 */
export function treeIssues(draft: Draft, channels: readonly string[] | null): Map<string, string> {
  const issues = new Map<string, string>();
  const parsed = routingTree.safeParse(draft);
  if (!parsed.success) for (const issue of parsed.error.issues) issues.set(issue.path.join("."), issue.message);
  if (channels) {
    const known = new Set([CONSOLE, ...channels]);
    for (const { receiver, path } of receiversOf(draft)) if (!known.has(receiver)) issues.set(path, `No channel is named ${receiver}.`);
  }
  return issues;
}
