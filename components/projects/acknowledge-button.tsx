"use client";

import { useTransition } from "react";

import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import { acknowledgeUpdateAction } from "@/lib/projects/actions";

/** Acknowledge an update; the accessible name says which project, as a list holds many of these. */
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
  return (
    <Button
      size="sm"
      variant="outline"
      disabled={pending}
      aria-label={`${pending ? "Acknowledging…" : label} update on ${projectName}`}
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
