"use client";

import { useTransition } from "react";

import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/native-select";
import { toast } from "@/components/ui/toast";
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
  const run = (fn: () => Promise<{ ok: boolean; message?: string }>, done: string) =>
    start(async () => {
      const result = await fn();
      if (result.ok) toast.success(done);
      else toast.error(result.message ?? "Something went wrong.");
    });
  return (
    <div className="flex items-center gap-2">
      <label htmlFor="project-status" className="sr-only">
        Project status
      </label>
      <NativeSelect
        id="project-status"
        className="h-8 w-36"
        value={status}
        disabled={pending}
        onChange={(e) => run(() => setProjectStatusAction(org, { id, version, status: e.target.value }), "Status changed")}
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
    </div>
  );
}
