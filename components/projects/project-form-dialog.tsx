"use client";

import { useRouter } from "next/navigation";
import type * as React from "react";
import { useActionState } from "react";

import { SearchField } from "@/components/forms/search-field";
import { fieldFor, SelectField, TextareaField, TextField, UnitSelectField } from "@/components/forms/text-field";
import { DialogForm } from "@/components/forms/dialog-form";
import { errorsOf } from "@/components/forms/form-alert";
import { usePageResult } from "@/components/forms/page-result";
import { submitKeepingInput } from "@/components/forms/submit-keeping-input";
import { DialogOnDemand } from "@/components/ui/dialog";
import { FormLoadGate } from "@/components/ui/form-load-gate";
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

  const field = fieldFor(errorsOf(state));
  const p = project;
  return (
    <FormLoadGate data={options}>
      {(options) => (
        <DialogForm
          onSubmit={submitKeepingInput(formAction)}
          state={state}
          pending={pending}
          submit={p ? "Save project" : "Create project"}
          twoColumns
        >
          <div className="sm:col-span-2">
            <TextField {...field("name")} label="Name" defaultValue={p?.name} maxLength={120} required />
          </div>
          <div className="sm:col-span-2">
            <TextareaField {...field("description")} label="Description" rows={2} defaultValue={p?.description} />
          </div>
          <UnitSelectField {...field("orgUnitId")} label="Team" units={options.units} choose="Choose…" defaultValue={p?.orgUnitId ?? ""} />
          {/* People are searched as you type, not listed in the page. */}
          <SearchField {...field("leadId")} org={org} kind="person" label="Lead" initial={p?.lead ?? null} emptyLabel="No lead" />
          <SelectField
            {...field("initiativeId")}
            label="Initiative"
            defaultValue={p?.initiativeId ?? ""}
            options={[["", "None"], ...options.initiatives.map((o) => [o.id, o.name] as const)]}
          />
          <TextField
            {...field("budget")}
            label="Budget"
            help="Optional; spend is compared with it."
            inputMode="decimal"
            defaultValue={p?.budget}
          />
          <TextField {...field("startDate")} label="Start date" type="date" defaultValue={p?.startDate ?? ""} />
          <TextField {...field("targetDate")} label="Target date" type="date" defaultValue={p?.targetDate ?? ""} />
          <label className="flex items-center gap-2 text-sm sm:col-span-2">
            <input type="checkbox" name="capex" defaultChecked={p?.capex} className="accent-primary" /> Capitalized (capex)
          </label>
        </DialogForm>
      )}
    </FormLoadGate>
  );
}
