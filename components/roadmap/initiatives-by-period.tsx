"use client";

import Link from "next/link";

import { InitiativeFormDialog } from "@/components/roadmap/initiative-form-dialog";
import { HealthMix } from "@/components/roadmap/health-mix";
import { InitiativeStatusBadge } from "@/components/roadmap/initiative-status-badge";
import { INITIATIVE_PERIOD_OPTIONS } from "@/components/roadmap/periods";
import { HealthBadge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { SpriteIcon } from "@/components/ui/sprite-icon";
import type { InitiativeStatus } from "@/lib/generated/prisma/enums";
import type { InitiativeWithProjects } from "@/lib/roadmap/timeline-queries";

/**
 * Initiatives of a fiscal year in period columns, each with its projects' health mix, the ones
 * that need attention (off track, then at risk) and a link to all of them. A client
 * component for the same reason as the Timeline: the server sends the initiatives' data (they
 * are the edit dialogs' props anyway), not ~60 cards as element trees.
 */
export function InitiativesByPeriod({
  org,
  fiscalYear,
  yearLabel,
  initiatives,
  editable,
}: {
  org: string;
  fiscalYear: number;
  /** "FY26" */
  yearLabel: string;
  initiatives: InitiativeWithProjects[];
  /** Ids of the initiatives the member may edit (null: none). */
  editable: string[] | null;
}) {
  const canEdit = new Set(editable);
  const groups = INITIATIVE_PERIOD_OPTIONS.map((p) => ({ ...p, items: initiatives.filter((i) => i.period === p.key) })).filter(
    (g) => g.items.length,
  );
  if (!groups.length) return <p className="text-sm text-muted-foreground">No initiatives planned in {yearLabel}.</p>;
  return (
    <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
      {groups.map((g) => (
        <section key={g.key} aria-label={`${yearLabel} ${g.label}`} className="space-y-3 rounded-xl border border-border p-4">
          <h3 className="text-sm font-semibold">
            {yearLabel} {g.label}
          </h3>
          {g.items.map((i) => (
            <article key={i.id} className="space-y-1.5 rounded-lg bg-muted/40 p-3">
              <div className="flex items-start justify-between gap-2">
                <p className="text-sm font-medium">{i.name}</p>
                <span className="flex shrink-0 items-center gap-1">
                  <InitiativeStatusBadge status={i.status as InitiativeStatus} />
                  {canEdit.has(i.id) ? (
                    <InitiativeFormDialog
                      org={org}
                      defaultFiscalYear={fiscalYear}
                      initiative={{
                        // Only the form's fields cross to the client, not the initiative's project list.
                        id: i.id,
                        updatedAt: i.updatedAt,
                        name: i.name,
                        objective: i.objective,
                        orgUnitId: i.orgUnitId,
                        owner: i.owner,
                        fiscalYear: i.fiscalYear,
                        period: i.period,
                        status: i.status,
                      }}
                      trigger={
                        <Button size="icon-sm" variant="ghost" aria-label={`Edit ${i.name}`}>
                          <SpriteIcon name="pencil" />
                        </Button>
                      }
                    />
                  ) : null}
                </span>
              </div>
              <div className="text-xs">
                <HealthMix mix={i.health} />
              </div>
              {i.attention.length ? (
                <ul className="space-y-1 text-xs" aria-label={`${i.name}: projects that need attention`}>
                  {i.attention.map((p) => (
                    <li key={p.id} className="flex items-center justify-between gap-2">
                      <Link href={`/${org}/projects/${p.id}`} prefetch={false} className="truncate hover:underline">
                        {p.name}
                      </Link>
                      <HealthBadge health={p.health} />
                    </li>
                  ))}
                </ul>
              ) : null}
              {i.projectCount ? (
                <Link
                  href={`/${org}/projects?initiative=${i.id}`}
                  prefetch={false}
                  className="block text-xs text-muted-foreground hover:underline"
                >
                  {i.projectCount === 1 ? "1 project" : `All ${i.projectCount} projects`}
                </Link>
              ) : null}
            </article>
          ))}
        </section>
      ))}
    </div>
  );
}
