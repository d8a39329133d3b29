"use server";

import { ackAlerts } from "@/lib/domain/alerts/ack";
import { resolveAlert } from "@/lib/domain/alerts/resolve";
import { createSilence, expireSilence } from "@/lib/domain/silences/save-silence";
import { action } from "../attempt";

// Public endpoints: the verbs check the caller's role and parse the input themselves.

export const acknowledgeAlerts = action(ackAlerts);

export const resolveOne = action(resolveAlert);

export const silence = action(createSilence);

export const expire = action(expireSilence);
