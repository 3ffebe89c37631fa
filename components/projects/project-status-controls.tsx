"use client";

import { useState, useTransition } from "react";

import { ControlResult, useFocusAfterSubmit } from "@/components/forms/use-result-focus";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/native-select";
import { toast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/action-result";
import { humanize } from "@/lib/format";
import type { ProjectStatus } from "@/lib/generated/prisma/enums";
import { archiveProjectAction, setProjectStatusAction } from "@/lib/projects/actions";

const STATUSES: ProjectStatus[] = ["PLANNED", "ACTIVE", "PAUSED", "DONE", "CANCELLED"];

/** Change status / archive, each carrying the version the page was rendered with. */
export function ProjectStatusControls({
  org,
  id,
  version,
  status,
  archived,
}: {
  org: string;
  id: string;
  version: number;
  status: ProjectStatus;
  archived: boolean;
}) {
  const [pending, start] = useTransition();
  // The select and the button are disabled while saving, which drops focus: it goes to the result.
  const [result, setResult] = useState<{ state: ActionResult<unknown>; done: string } | null>(null);
  const { formRef, resultRef } = useFocusAfterSubmit<HTMLSpanElement, HTMLDivElement>(result?.state ?? null);
  const run = (fn: () => Promise<ActionResult<unknown>>, done: string) =>
    start(async () => {
      const state = await fn();
      if (state.ok) toast.success(done);
      else toast.error(state.message);
      setResult({ state, done });
    });
  return (
    <div ref={formRef} className="flex flex-wrap items-center gap-2">
      <label htmlFor="project-status" className="sr-only">
        Project status
      </label>
      <NativeSelect
        id="project-status"
        className="h-8 w-36"
        value={status}
        disabled={pending}
        onChange={(e) =>
          run(() => setProjectStatusAction(org, { id, version, status: e.target.value }), `Status changed to ${humanize(e.target.value)}`)
        }
      >
        {STATUSES.map((s) => (
          <option key={s} value={s}>
            {humanize(s)}
          </option>
        ))}
      </NativeSelect>
      <Button
        size="sm"
        variant="outline"
        disabled={pending}
        onClick={() =>
          run(() => archiveProjectAction(org, { id, version, archived: !archived }), archived ? "Project restored" : "Project archived")
        }
      >
        {archived ? "Unarchive" : "Archive"}
      </Button>
      <ControlResult state={result?.state ?? null} resultRef={resultRef}>
        {result?.done}.
      </ControlResult>
    </div>
  );
}
