"use client";

import { useTransition } from "react";

import { usePageResult } from "@/components/forms/page-result";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import { acknowledgeUpdateAction } from "@/lib/projects/actions";

/**
 * Acknowledge an update; the accessible name says which project, as a list holds many of these.
 * An acknowledged update loses its button (or leaves the review list), so the result, or the
 * refusal, is shown and focused at the top of the page.
 */
export function AcknowledgeButton({
  org,
  updateId,
  projectName,
  label = "Acknowledge",
}: {
  org: string;
  updateId: string;
  projectName: string;
  label?: string;
}) {
  const [pending, start] = useTransition();
  const showOnPage = usePageResult();
  return (
    <Button
      size="sm"
      variant="outline"
      disabled={pending}
      aria-label={`${pending ? "Acknowledging…" : label} update on ${projectName}`}
      onClick={() =>
        start(async () => {
          const result = await acknowledgeUpdateAction(org, { updateId });
          if (result.ok) {
            toast.success("Acknowledged");
            showOnPage(`Acknowledged the update on ${projectName}.`);
          } else {
            toast.error(result.message);
            showOnPage(`Not acknowledged: ${result.message}`);
          }
        })
      }
    >
      {pending ? "Acknowledging…" : label}
    </Button>
  );
}
