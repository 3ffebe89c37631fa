"use client";

import { useTransition } from "react";

import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import { deleteManagerNoteAction } from "@/lib/managers/actions";

export function DeleteNoteButton({ org, noteId, label }: { org: string; noteId: string; label: string }) {
  const [pending, start] = useTransition();
  return (
    <Button
      type="button"
      variant="ghost"
      size="sm"
      disabled={pending}
      aria-label={label}
      onClick={() =>
        start(async () => {
          if (!window.confirm(`${label}?`)) return;
          const result = await deleteManagerNoteAction(org, { noteId });
          if (result.ok) toast.success("Deleted");
          else toast.error(result.message);
        })
      }
    >
      Delete
    </Button>
  );
}
