"use client";

import { useTransition } from "react";

import { usePageResult } from "@/components/forms/page-result";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import { removeAllocationAction } from "@/lib/headcount/actions";

/** The allocation's row goes away when removed: the result is shown and focused at the top of the page. */
export function RemoveAllocationButton({ org, allocationId, label }: { org: string; allocationId: string; label: string }) {
  const [pending, startTransition] = useTransition();
  const showOnPage = usePageResult();
  return (
    <Button
      size="sm"
      variant="ghost"
      disabled={pending}
      aria-label={`Remove allocation to ${label}`}
      onClick={() =>
        startTransition(async () => {
          const result = await removeAllocationAction(org, { allocationId });
          if (result.ok) {
            toast.success("Allocation removed");
            showOnPage(`Removed the allocation to ${label}.`);
          } else {
            toast.error(result.message);
            showOnPage(`Not removed: ${result.message}`);
          }
        })
      }
    >
      Remove
    </Button>
  );
}
