"use client";

import { useTransition } from "react";

import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import { acknowledgeUpdateAction } from "@/lib/projects/actions";

export function AcknowledgeButton({ org, updateId, label = "Acknowledge" }: { org: string; updateId: string; label?: string }) {
  const [pending, start] = useTransition();
  return (
    <Button
      size="sm"
      variant="outline"
      disabled={pending}
      onClick={() =>
        start(async () => {
          const result = await acknowledgeUpdateAction(org, { updateId });
          if (result.ok) toast.success("Acknowledged");
          else toast.error(result.message);
        })
      }
    >
      {pending ? "Acknowledging…" : label}
    </Button>
  );
}
