"use client";

import { useActionState, useState } from "react";

import { FormAlert, submitKeepingInput } from "@/components/projects/form-alert";
import { Button } from "@/components/ui/button";
import { HealthBadge } from "@/components/ui/badge";
import { HEALTH_LABELS } from "@/lib/projects/health-labels";
import { describedBy, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/action-result";
import { postStatusUpdateAction } from "@/lib/projects/actions";
import type { ChosenHealth, HealthReason } from "@/lib/projects/health-rules";
import { cn } from "@/lib/utils";

type State = ActionResult<{ id: string }> | null;
const CHOICES: ChosenHealth[] = ["ON_TRACK", "AT_RISK", "OFF_TRACK"];
const RANK: Record<ChosenHealth, number> = { ON_TRACK: 0, AT_RISK: 1, OFF_TRACK: 2 };
const TEMPLATE = "**Done**\n- \n\n**Next**\n- \n\n**Risks**\n- ";

/** The weekly update: health, one line, optional markdown — with the rules' suggestion beside it. */
export function StatusUpdateForm({
  org,
  projectId,
  suggestion,
  current,
}: {
  org: string;
  projectId: string;
  suggestion: { health: ChosenHealth; reasons: HealthReason[] };
  current: ChosenHealth | null;
}) {
  const [health, setHealth] = useState<ChosenHealth>(current ?? suggestion.health);
  // Bumped after a successful post: remounting the form clears summary, reason and details.
  const [formKey, setFormKey] = useState(0);
  const [state, formAction, pending] = useActionState<State, FormData>(async (_prev, form) => {
    const result = await postStatusUpdateAction(org, { ...Object.fromEntries(form), projectId });
    if (result.ok) {
      toast.success("Update posted");
      setFormKey((k) => k + 1);
    }
    return result;
  }, null);

  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const needsReason = RANK[health] < RANK[suggestion.health];

  return (
    <form key={formKey} onSubmit={submitKeepingInput(formAction)} className="grid gap-5 md:grid-cols-[1fr_16rem]" noValidate aria-label="Post a status update">
      <div className="space-y-4">
        <FormAlert state={state} />
        <fieldset className="space-y-1.5" {...describedBy("health", errors.health)}>
          <legend className="text-sm font-medium">Health</legend>
          <div className="flex flex-wrap gap-2">
            {CHOICES.map((h) => (
              <label
                key={h}
                className={cn(
                  "flex cursor-pointer items-center gap-2 rounded-md border px-3 py-1.5 text-sm has-[:checked]:border-primary has-[:checked]:bg-primary-soft has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring",
                )}
              >
                <input type="radio" name="health" value={h} checked={health === h} onChange={() => setHealth(h)} className="accent-primary" />
                {HEALTH_LABELS[h]}
              </label>
            ))}
          </div>
          {errors.health ? (
            <p id="health-error" role="alert" className="text-xs font-medium text-destructive">
              {errors.health.join(" ")}
            </p>
          ) : null}
        </fieldset>
        {needsReason ? (
          <FormField
            id="overrideReason"
            label="Why is it better than suggested?"
            errors={errors.overrideReason}
            help={`The rules suggest ${HEALTH_LABELS[suggestion.health]}. A short reason is recorded with the update.`}
          >
            <Input id="overrideReason" name="overrideReason" maxLength={500} required {...describedBy("overrideReason", errors.overrideReason, true)} />
          </FormField>
        ) : null}
        <FormField id="summary" label="Summary" errors={errors.summary} help="One line: what a director should know.">
          <Input id="summary" name="summary" maxLength={160} required {...describedBy("summary", errors.summary, true)} />
        </FormField>
        <FormField id="body" label="Details (markdown)" errors={errors.body} help="Done, next, risks. Markdown is allowed; HTML is not.">
          <Textarea id="body" name="body" rows={6} defaultValue={TEMPLATE} className="font-mono text-[13px]" {...describedBy("body", errors.body, true)} />
        </FormField>
        <Button type="submit" disabled={pending}>
          {pending ? "Posting…" : "Post update"}
        </Button>
      </div>
      <aside aria-label="Suggested health" className="h-fit space-y-2 rounded-lg border border-border bg-muted/40 p-3 text-sm">
        <p className="flex items-center justify-between gap-2 font-medium">
          Suggested <HealthBadge health={suggestion.health} />
        </p>
        {suggestion.reasons.length === 0 ? (
          <p className="text-xs text-muted-foreground">No rule flags a risk: dates, milestones, dependencies, spend and staffing look fine.</p>
        ) : (
          <ul className="list-disc space-y-1 pl-4 text-xs text-muted-foreground">
            {suggestion.reasons.map((r) => (
              <li key={r.rule}>{r.message}</li>
            ))}
          </ul>
        )}
      </aside>
    </form>
  );
}
