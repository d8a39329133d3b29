import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { createToken, createTokenInput, revokeToken, revokeTokenInput } from "@/lib/domain/access/service-tokens";
import { createUser, createUserInput, updateUser, updateUserInput } from "@/lib/domain/access/users";
import { auditFilter } from "@/lib/domain/audit/query";
import { verifyQuery } from "@/lib/domain/audit/verify-query";
import { operation } from "./operation";
import * as answer from "./schemas";

/** Who may act (users and tokens), and the record of what they did. */
export const accessPaths: ZodOpenApiPathsObject = {
  "/api/v1/audit": {
    get: operation({
      summary: "Audit events, newest first, paged; JSON or CSV",
      tags: ["audit"],
      permit: "admin",
      query: auditFilter.extend({ format: z.enum(["json", "csv"]).default("json") }),
      answers: { 200: { description: "A page of events (CSV with `format=csv`).", schema: answer.auditPage } },
    }),
  },
  "/api/v1/audit/verify": {
    get: operation({
      summary: "Verify the audit hash chain: since the last checkpoint, or fully in bounded stretches",
      tags: ["audit"],
      permit: "admin",
      query: verifyQuery,
      answers: { 200: { description: "Whether the chain verifies, and the first row that does not.", schema: answer.chainReport } },
    }),
  },
  "/api/v1/users": {
    get: operation({
      summary: "Users",
      tags: ["access"],
      permit: "admin",
      answers: { 200: { description: "Every user, by email.", schema: answer.usersPage } },
    }),
    post: operation({
      summary: "Add a user",
      tags: ["access"],
      verb: createUser,
      body: createUserInput,
      errors: [409],
      answers: { 201: { description: "The user, with its password (generated unless given).", schema: answer.createdUser } },
    }),
    patch: operation({
      summary: "Change a user's role or disable them",
      tags: ["access"],
      verb: updateUser,
      body: updateUserInput,
      errors: [404, 409],
      answers: { 200: { description: "The user as it is now.", schema: answer.updatedUser } },
    }),
  },
  "/api/v1/tokens": {
    get: operation({
      summary: "Tokens (never their secrets)",
      tags: ["access"],
      permit: "admin",
      answers: { 200: { description: "Every token, by name.", schema: answer.tokensPage } },
    }),
    post: operation({
      summary: "Create a service token or a personal token",
      tags: ["access"],
      verb: createToken,
      body: createTokenInput,
      errors: [404, 409],
      answers: { 201: { description: "The token, shown this once.", schema: answer.createdToken } },
    }),
  },
  "/api/v1/tokens/{name}": {
    delete: operation({
      summary: "Revoke a token",
      tags: ["access"],
      verb: revokeToken,
      path: revokeTokenInput,
      errors: [404],
      answers: { 200: { description: "The revoked token's name.", schema: answer.revokedToken } },
    }),
  },
};
