"use client";

import { useRouter } from "next/navigation";
import type * as React from "react";
import { useActionState } from "react";

import { SearchField } from "@/components/forms/search-field";
import { TextareaField, TextField, UnitSelectField } from "@/components/forms/text-field";
import { FormAlert } from "@/components/forms/form-alert";
import { usePageResult } from "@/components/forms/page-result";
import { submitKeepingInput } from "@/components/forms/submit-keeping-input";
import { Button } from "@/components/ui/button";
import { DialogOnDemand } from "@/components/ui/dialog";
import { FormLoadGate } from "@/components/ui/form-load-gate";
import { describedBy, FormField } from "@/components/ui/form-field";
import { NativeSelect } from "@/components/ui/native-select";
import { useJson } from "@/components/ui/use-json";
import { toast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/action-result";
import { createProjectAction, updateProjectAction } from "@/lib/projects/actions";
import type { ProjectFormOptions } from "@/lib/projects/form-options-type";

export type ProjectFormValues = {
  id: string;
  version: number;
  name: string;
  description: string;
  orgUnitId: string;
  lead: { id: string; name: string } | null;
  initiativeId: string | null;
  startDate: string | null;
  targetDate: string | null;
  /** Plain decimal, e.g. "250000.00" */
  budget: string;
  capex: boolean;
};

type State = ActionResult<{ id: string }> | null;

/**
 * Create (no `project`) or edit a project; an edit carries the version it was opened on. The
 * dialog mounts only while open (DialogOnDemand), and its choices (units, initiatives) are loaded
 * from the org's form-options route when it opens, not sent with every page that offers the form.
 */
export function ProjectFormDialog({
  org,
  project,
  trigger,
}: {
  org: string;
  project?: ProjectFormValues;
  trigger: React.ReactElement<React.ComponentProps<"button">>;
}) {
  return (
    <DialogOnDemand
      trigger={trigger}
      className="max-w-2xl"
      title={project ? "Edit project" : "New project"}
      description={
        project
          ? "Changes are recorded in the project's audit trail."
          : "Managers can create projects inside their part of the organization."
      }
    >
      {(close) => <ProjectForm org={org} project={project} onDone={close} />}
    </DialogOnDemand>
  );
}

function ProjectForm({ org, project, onDone }: { org: string; project?: ProjectFormValues; onDone: (result?: string) => void }) {
  const options = useJson<ProjectFormOptions>(`/${org}/projects/form-options`);
  const router = useRouter();
  const showOnPage = usePageResult();
  const [state, formAction, pending] = useActionState<State, FormData>(async (_prev, form) => {
    const input = { ...Object.fromEntries(form), capex: form.get("capex") === "on" };
    const result = project
      ? await updateProjectAction(org, { ...input, id: project.id, version: project.version })
      : await createProjectAction(org, input);
    if (result.ok) {
      const done = project
        ? `Saved ${String(form.get("name") ?? project.name).trim()}`
        : `Project created: ${String(form.get("name") ?? "").trim()}`;
      toast.success(project ? "Project saved" : "Project created");
      if (project) onDone(done);
      else {
        // The new project's page opens: the result is focused at its top.
        const href = `/${org}/projects/${result.data.id}`;
        onDone();
        showOnPage(done, href);
        router.push(href);
      }
    }
    return result;
  }, null);

  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const p = project;
  return (
    <FormLoadGate data={options}>
      {(options) => (
        <form onSubmit={submitKeepingInput(formAction)} className="grid gap-4 sm:grid-cols-2" noValidate>
          <div className="sm:col-span-2">
            <FormAlert state={state} />
          </div>
          <div className="sm:col-span-2">
            <TextField id="name" name="name" label="Name" errors={errors.name} defaultValue={p?.name} maxLength={120} required />
          </div>
          <div className="sm:col-span-2">
            <TextareaField
              id="description"
              name="description"
              label="Description"
              errors={errors.description}
              rows={2}
              defaultValue={p?.description}
            />
          </div>
          <UnitSelectField
            id="orgUnitId"
            name="orgUnitId"
            label="Team"
            errors={errors.orgUnitId}
            units={options.units}
            choose="Choose…"
            defaultValue={p?.orgUnitId ?? ""}
          />
          {/* People are searched as you type, not listed in the page. */}
          <SearchField
            org={org}
            kind="person"
            id="leadId"
            name="leadId"
            label="Lead"
            errors={errors.leadId}
            initial={p?.lead ?? null}
            emptyLabel="No lead"
          />
          <FormField id="initiativeId" label="Initiative" errors={errors.initiativeId}>
            <NativeSelect
              id="initiativeId"
              name="initiativeId"
              defaultValue={p?.initiativeId ?? ""}
              {...describedBy("initiativeId", errors.initiativeId)}
            >
              <option value="">None</option>
              {options.initiatives.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </NativeSelect>
          </FormField>
          <TextField
            id="budget"
            name="budget"
            label="Budget"
            errors={errors.budget}
            help="Optional; spend is compared with it."
            inputMode="decimal"
            defaultValue={p?.budget}
          />
          <TextField
            id="startDate"
            name="startDate"
            label="Start date"
            errors={errors.startDate}
            type="date"
            defaultValue={p?.startDate ?? ""}
          />
          <TextField
            id="targetDate"
            name="targetDate"
            label="Target date"
            errors={errors.targetDate}
            type="date"
            defaultValue={p?.targetDate ?? ""}
          />
          <label className="flex items-center gap-2 text-sm sm:col-span-2">
            <input type="checkbox" name="capex" defaultChecked={p?.capex} className="accent-primary" /> Capitalized (capex)
          </label>
          <div className="flex justify-end gap-2 sm:col-span-2">
            <Button type="submit" disabled={pending}>
              {pending ? "Saving…" : p ? "Save project" : "Create project"}
            </Button>
          </div>
        </form>
      )}
    </FormLoadGate>
  );
}
