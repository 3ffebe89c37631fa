"use client";

import { useTransition } from "react";

import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import { removeAllocationAction } from "@/lib/headcount/actions";

export function RemoveAllocationButton({ org, allocationId, label }: { org: string; allocationId: string; label: string }) {
  const [pending, startTransition] = useTransition();
  return (
    <Button
      size="sm"
      variant="ghost"
      disabled={pending}
      aria-label={`Remove allocation to ${label}`}
      onClick={() =>
        startTransition(async () => {
          const result = await removeAllocationAction(org, { allocationId });
          if (result.ok) toast.success("Allocation removed");
          else toast.error(result.message);
        })
      }
    >
      Remove
    </Button>
  );
}
