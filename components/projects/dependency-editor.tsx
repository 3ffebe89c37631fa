"use client";

import Link from "next/link";
import { useActionState, useState, useTransition } from "react";

import { SearchField } from "@/components/forms/search-field";
import { FormAlert } from "@/components/forms/form-alert";
import { usePageResult } from "@/components/forms/page-result";
import { ControlResult, useFocusAfterSubmit } from "@/components/forms/use-result-focus";
import { submitKeepingInput } from "@/components/forms/submit-keeping-input";
import { Button } from "@/components/ui/button";
import { HealthBadge } from "@/components/ui/badge";
import { FormField } from "@/components/ui/form-field";
import { NativeSelect } from "@/components/ui/native-select";
import { toast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/action-result";
import type { Health } from "@/lib/generated/prisma/enums";
import { addDependencyAction, removeDependencyAction } from "@/lib/projects/actions";

type Dep = { id: string; dependencyId: string; name: string; health: Health; note: string };
type State = ActionResult<{ id: string }> | null;

export function DependencyEditor({
  org,
  projectId,
  blockedBy,
  blocks,
  canEdit,
}: {
  org: string;
  projectId: string;
  blockedBy: Dep[];
  blocks: Dep[];
  canEdit: boolean;
}) {
  const [added, setAdded] = useState("");
  const [state, formAction, pending] = useActionState<State, FormData>(async (_p, form) => {
    const other = String(form.get("other") ?? "");
    const direction = form.get("direction");
    const input = direction === "blocks" ? { blockerId: projectId, blockedId: other } : { blockerId: other, blockedId: projectId };
    const result = await addDependencyAction(org, input);
    if (result.ok) {
      toast.success("Dependency added");
      setAdded(direction === "blocks" ? "Dependency added: this project blocks it." : "Dependency added: this project waits on it.");
    }
    return result;
  }, null);
  // Focus follows the result: the line beside the button, or the field to fix.
  const { formRef, resultRef } = useFocusAfterSubmit<HTMLSpanElement>(state);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const otherError = [...(errors.blockerId ?? []), ...(errors.blockedId ?? [])];
  return (
    <div className="space-y-3 text-sm">
      <DepList label="Waiting on" org={org} deps={blockedBy} canEdit={canEdit} />
      <DepList label="Blocking" org={org} deps={blocks} canEdit={canEdit} />
      {canEdit ? (
        <form
          ref={formRef}
          onSubmit={submitKeepingInput(formAction)}
          className="space-y-2 border-t border-border pt-3"
          noValidate
          aria-label="Add a dependency"
        >
          {state && !state.ok && !otherError.length ? <FormAlert state={state} /> : null}
          <div className="grid grid-cols-[7rem_1fr] gap-2">
            <FormField id="dep-direction" label="This project">
              <NativeSelect id="dep-direction" name="direction" className="h-8">
                <option value="waits">waits on</option>
                <option value="blocks">blocks</option>
              </NativeSelect>
            </FormField>
            {/* Candidates come from the project search (a few matches), not every project of the org in the HTML. */}
            <SearchField
              org={org}
              kind="project"
              id="dep-other"
              name="other"
              label="Project"
              errors={otherError.length ? otherError : undefined}
              params={{ except: projectId }}
              className="h-8"
            />
          </div>
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" size="sm" variant="outline" disabled={pending}>
              Add dependency
            </Button>
            <ControlResult state={state?.ok ? state : null} resultRef={resultRef}>
              {added}
            </ControlResult>
          </div>
        </form>
      ) : null}
    </div>
  );
}

function DepList({ label, org, deps, canEdit }: { label: string; org: string; deps: Dep[]; canEdit: boolean }) {
  const [pending, start] = useTransition();
  // A removed dependency's row goes away: its result is shown and focused at the top of the page.
  const showOnPage = usePageResult();
  return (
    <div>
      <p className="mb-1 text-xs font-medium text-muted-foreground uppercase">{label}</p>
      {deps.length === 0 ? (
        <p className="text-muted-foreground">None</p>
      ) : (
        <ul className="space-y-1">
          {deps.map((d) => (
            <li key={d.dependencyId} className="flex items-center justify-between gap-2">
              <Link className="hover:underline" href={`/${org}/projects/${d.id}`} title={d.note || undefined}>
                {d.name}
              </Link>
              <span className="flex items-center gap-1">
                <HealthBadge health={d.health} />
                {canEdit ? (
                  <Button
                    size="icon-sm"
                    variant="ghost"
                    aria-label={`Remove dependency on ${d.name}`}
                    disabled={pending}
                    onClick={() =>
                      start(async () => {
                        const r = await removeDependencyAction(org, { id: d.dependencyId });
                        if (r.ok) showOnPage(`Removed the dependency on ${d.name}.`);
                        else {
                          toast.error(r.message);
                          showOnPage(`Not removed: ${r.message}`);
                        }
                      })
                    }
                  >
                    ×
                  </Button>
                ) : null}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
