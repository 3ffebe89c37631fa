import { type GenContext, id, lit, r, ri, weekDate } from "@/lib/seed-large/context";
import { MILESTONES_PER_PROJECT, UPDATES_PER_PROJECT } from "@/lib/seed-large/plan";
import type { Statement } from "@/lib/seed-large/sql-org";

// Initiatives, projects, 3 years of weekly status updates, milestones and dependencies.
// A project posts UPDATES_PER_PROJECT weekly updates from its start week `sw` (0…131 of 156):
// about a third started recently and are still running (their last update is in the last three
// weeks), the rest finished or went stale earlier.

/** Health of update `u` of project `p`: some projects lean troubled, most updates are on track. */
const health = (u: string, p: string) =>
  `(CASE WHEN ${r(u, 21)} * 0.6 + ${r(p, 20)} * 0.4 < 0.62 THEN 'ON_TRACK' WHEN ${r(u, 21)} * 0.6 + ${r(p, 20)} * 0.4 < 0.85 THEN 'AT_RISK' ELSE 'OFF_TRACK' END)::"Health"`;
const SUMMARIES = [
  "Shipped the next slice",
  "Waiting on review",
  "Load test passed",
  "Scope trimmed",
  "Hiring gap slows us",
  "Dependency landed",
  "Design review done",
  "Beta feedback in",
];

export function workStatements(ctx: GenContext, fiscalYear: number): Statement[] {
  const { plan, today } = ctx;
  const org = lit(ctx.orgId);
  const P = plan.projects;
  const last = UPDATES_PER_PROJECT - 1;
  const mgr = (n: string) => id(ctx, "user_mgr", `1 + (${n}) % ${plan.managers}`);
  const leadUnits = `${ctx.off[1] + 1} + ${ri("n", 41, plan.unitsPerLevel[1] + plan.unitsPerLevel[2])}`;
  return [
    {
      label: "initiatives",
      sql: `INSERT INTO "Initiative" (id, "orgId", "orgUnitId", name, objective, "fiscalYear", "fiscalQuarter", "fiscalHalf", "ownerId", status, "updatedAt")
            SELECT ${id(ctx, "i", "n")}, ${org}, ${id(ctx, "u", "x.unit")}, 'Initiative ' || n, 'Objective of initiative ' || n,
                   x.fy, CASE WHEN ${r("n", 42)} < 0.6 THEN 1 + ${ri("n", 43, 4)} END,
                   CASE WHEN ${r("n", 42)} >= 0.6 AND ${r("n", 42)} < 0.8 THEN 1 + ${ri("n", 44, 2)} END,
                   ${id(ctx, "p", "x.unit")},
                   (CASE WHEN x.fy < ${fiscalYear} THEN (CASE WHEN ${r("n", 45)} < 0.85 THEN 'DONE' ELSE 'CANCELLED' END)
                         WHEN x.fy = ${fiscalYear} THEN 'ACTIVE' ELSE 'PROPOSED' END)::"InitiativeStatus", now()
            FROM (SELECT n, ${leadUnits} AS unit, ${fiscalYear - 2} + ${ri("n", 40, 4)} AS fy FROM generate_series(1, ${plan.initiatives}) n) x`,
    },
    {
      label: "project schedule (temp)",
      sql: `CREATE TEMP TABLE lg_proj AS
            SELECT n, sw, unit,
                   CASE WHEN sw >= 128 THEN (CASE WHEN n % 50 = 0 THEN 'PLANNED' WHEN ${r("n", 16)} < 0.9 THEN 'ACTIVE' ELSE 'PAUSED' END)
                        ELSE (CASE WHEN ${r("n", 16)} < 0.7 THEN 'DONE' WHEN ${r("n", 16)} < 0.8 THEN 'CANCELLED' ELSE 'ACTIVE' END) END AS status
            FROM (SELECT n, CASE WHEN ${r("n", 12)} < 0.35 THEN 131 - ${ri("n", 13, 4)} ELSE ${ri("n", 14, 128)} END AS sw,
                         ${ctx.workFirst} + ${ri("n", 15, ctx.workCount)} AS unit
                  FROM generate_series(1, ${P}) n) x`,
    },
    {
      label: "projects",
      sql: `INSERT INTO "Project" (id, "orgId", "orgUnitId", "leadId", "initiativeId", name, description, status, health, "healthChangedAt",
                                   "lastUpdateAt", "startDate", "targetDate", "completedDate", "budgetCents", capex, "archivedAt", "createdAt", "updatedAt")
            SELECT ${id(ctx, "pj", "n")}, ${org}, ${id(ctx, "u", "unit")}, ${id(ctx, "p", "unit")},
                   CASE WHEN ${r("n", 19)} < 0.6 THEN ${id(ctx, "i", `1 + ${ri("n", 22, plan.initiatives)}`)} END,
                   'Project ' || n, '', status::"ProjectStatus", ${health(`${last} * ${P} + n`, "n")},
                   ${weekDate(ctx, `sw + ${last}`)} - 1 + interval '9 hours', ${weekDate(ctx, `sw + ${last}`)} - 1 + interval '9 hours',
                   ${weekDate(ctx, "sw")} - 14, ${weekDate(ctx, "sw")} + 7 * (20 + ${ri("n", 17, 30)}),
                   CASE WHEN status = 'DONE' THEN ${weekDate(ctx, `sw + ${last}`)} END,
                   CASE WHEN ${r("n", 23)} < 0.5 THEN 5000000 + ${ri("n", 24, 100000000)}::bigint END,
                   ${r("n", 25)} < 0.2,
                   CASE WHEN status IN ('DONE', 'CANCELLED') AND ${r("n", 18)} < 0.3 THEN ${weekDate(ctx, `sw + ${last}`)} + 30 + interval '12 hours' END,
                   ${weekDate(ctx, "sw")} - 14 + interval '8 hours', now()
            FROM lg_proj`,
    },
    {
      label: "status updates",
      sql: `INSERT INTO "StatusUpdate" (id, "orgId", "projectId", "authorId", health, summary, body, "suggestedHealth", "createdAt", "acknowledgedById", "acknowledgedAt")
            SELECT ${id(ctx, "su", "x.u")}, ${org}, ${id(ctx, "pj", "x.n")}, ${mgr("x.n")}, x.h,
                   (${"ARRAY['" + SUMMARIES.join("','") + "']"})[1 + ${ri("x.u", 26, SUMMARIES.length)}], '', x.h, x.at,
                   CASE WHEN x.h <> 'ON_TRACK' AND x.at < ${lit(today)}::date - 14 THEN ${id(ctx, "user_director", "''")} END,
                   CASE WHEN x.h <> 'ON_TRACK' AND x.at < ${lit(today)}::date - 14 THEN x.at + interval '1 day' END
            FROM (SELECT p.n, j * ${P} + p.n AS u, ${health(`j * ${P} + p.n`, "p.n")} AS h,
                         CASE WHEN j = ${last} THEN ${weekDate(ctx, `p.sw + j`)} - 1 + interval '9 hours'
                              ELSE ${weekDate(ctx, "p.sw + j")} - 1 + interval '8 hours' + ${ri(`j * ${P} + p.n`, 27, 600)} * interval '1 minute' END AS at
                  FROM lg_proj p CROSS JOIN generate_series(0, ${last}) j) x`,
    },
    {
      label: "milestones",
      sql: `INSERT INTO "Milestone" (id, "orgId", "projectId", name, "dueDate", "doneDate", "updatedAt")
            SELECT ${id(ctx, "ms", `(p.n - 1) * ${MILESTONES_PER_PROJECT} + k`)}, ${org}, ${id(ctx, "pj", "p.n")}, 'Milestone ' || k, x.due,
                   CASE WHEN x.due < ${lit(today)}::date AND (p.status = 'DONE' OR ${r(`p.n * 4 + k`, 28)} < 0.8)
                        THEN LEAST(${lit(today)}::date, x.due - 5 + ${ri(`p.n * 4 + k`, 29, 15)}) END, now()
            FROM lg_proj p CROSS JOIN generate_series(1, ${MILESTONES_PER_PROJECT}) k
            CROSS JOIN LATERAL (SELECT ${weekDate(ctx, "p.sw")} + k * 56 AS due) x`,
    },
    {
      label: "dependencies",
      sql: `INSERT INTO "ProjectDependency" (id, "orgId", "blockerId", "blockedId")
            SELECT ${id(ctx, "dep", "n")}, ${org}, ${id(ctx, "pj", "a")}, ${id(ctx, "pj", `1 + (a + ${ri("n", 31, P - 1)}) % ${P}`)}
            FROM (SELECT n, 1 + ${ri("n", 30, P)} AS a FROM generate_series(1, ${plan.dependencies}) n) x
            ON CONFLICT DO NOTHING`,
    },
  ];
}
