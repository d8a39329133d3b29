"use server";

import { createChannel, updateChannel } from "@/lib/domain/channels/save-channel";
import { publishRouting } from "@/lib/domain/routing/publish-routing";
import { action } from "../attempt";

// Public endpoints: the verbs check the caller's role and parse the input themselves.

export const publishTree = action(publishRouting, (published) => published.version);

export const addChannel = action(createChannel);

export const editChannel = action(updateChannel);
