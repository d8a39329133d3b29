"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState, useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { tokensKey, type SettingsActions, type TokenRow } from "./types";

export function TokensTable({ tokens, revokeToken }: Pick<SettingsActions, "revokeToken"> & { tokens: TokenRow[] }) {
  const queryClient = useQueryClient();
  const [revoking, setRevoking] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function close() {
    setRevoking(null);
    setError(null);
  }

  function confirm() {
    if (!revoking) return;
    startTransition(async () => {
      const result = await revokeToken({ name: revoking });
      if (!result.ok) return setError(result.error);
      await queryClient.invalidateQueries({ queryKey: tokensKey });
      close();
    });
  }

  if (tokens.length === 0) return <EmptyState title="No tokens yet">Services report with a service token; scripts act as a person with a personal one.</EmptyState>;
  return (
    <>
      <Table label="Tokens">
        <THead>
          <Th>Name</Th>
          <Th>Kind</Th>
          <Th>Scope</Th>
          <Th>Created</Th>
          <Th>Last used</Th>
          <Th>
            <span className="sr-only">Actions</span>
          </Th>
        </THead>
        <TBody>
          {tokens.map((token) => (
            <Tr key={token.name}>
              <Td className="font-mono text-xs">{token.name}</Td>
              <Td>
                <Badge tone={token.kind === "service" ? "neutral" : "accent"}>{token.kind}</Badge>
              </Td>
              <Td>{token.kind === "service" ? token.service : token.user}</Td>
              <Td title={`by ${token.createdBy}`}>
                <RelativeTime at={token.createdAt} />
              </Td>
              <Td>
                <RelativeTime at={token.lastUsedAt} />
              </Td>
              <Td className="text-right">
                <Button size="sm" onClick={() => setRevoking(token.name)}>
                  Revoke
                </Button>
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
      <ConfirmDialog open={revoking !== null} title={`Revoke the token ${revoking ?? ""}?`} confirmLabel="Revoke token" pending={pending} error={error} onConfirm={confirm} onCancel={close}>
        Anything using it is refused from its next request. This cannot be undone.
      </ConfirmDialog>
    </>
  );
}
