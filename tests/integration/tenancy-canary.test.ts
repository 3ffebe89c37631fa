import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { beforeAll, describe, expect, it } from "vitest";

import { forecastWindow } from "@/lib/budgets/forecast-window";
import { importActuals } from "@/lib/budgets/import-actuals";
import { linesScope } from "@/lib/budgets/lines";
import { importDeliveryCsv } from "@/lib/delivery-signals/import-csv";
import { parseLinesParams } from "@/lib/budgets/lines-params";
import { clearFiguresMemo } from "@/lib/figures-memo";
import { bellScopeOf } from "@/lib/projects/bell";
import { EVERY_ROW } from "@/lib/projects/review-lists";
import { parseTimelineFilters } from "@/lib/roadmap/timeline-queries";
import { parseContractListParams } from "@/lib/vendors/list-params";
import { createAuthzOrg, type OrgFx } from "@/tests/support/authz/fixture";
import { publishIfDue } from "@/lib/privacy/publication";
import { resetDb, testDb } from "@/tests/support/db";

// Issue 18, finding 8: removing the orgId condition from listVendors, listContracts,
// getContractSummary or the positions query left every test green. The canary: every exported
// read of lib/'s read modules, of the figure modules (FIGURE_MODULES) and of the CSV exports
// (EXPORT_MODULES, read to the end) — discovered from the source, like the action matrix: a new
// read without a call below fails the test by name — runs for org 1, first alone and then after a
// second org of the same shape exists. Its answer must not change, and must name no id of the
// second org. A read that lost its tenant condition sees the second org's rows and fails both.

const ROOT = path.resolve(import.meta.dirname, "../..");
const READ_MODULE = /(^|\/)(queries|[a-z-]+-queries|detail|search)\.ts$/;
const TODAY = new Date("2026-06-15T12:00:00Z");
const FY = 2026;
const pay = { readsPay: true };

type Ctx = { fx: OrgFx; projectId: string; personId: string; managerId: string; token: string; scimUserId: string; scimGroupId: string };
type Call = (c: Ctx) => unknown[];

const DASHBOARD = { unitId: null, fiscalYear: FY, period: "year" as const };
const financeScope = (c: Ctx) => ({
  orgId: c.fx.org.id,
  startMonth: 1,
  fiscalYear: FY,
  period: "year" as const,
  unitId: null,
  category: null,
  payReader: true,
  today: TODAY,
});
const linesFilters = () => parseLinesParams({ from: "2026-01", to: "2026-12" }, 1, TODAY).filters;
const director = (c: Ctx) => ({
  user: { id: c.fx.users.director, email: "director@test.example", name: "Director" },
  org: { id: c.fx.org.id, slug: c.fx.org.slug, name: c.fx.org.name, currency: c.fx.org.currency, fiscalYearStartMonth: 1 },
  role: "DIRECTOR" as const,
  scopeUnitId: null,
  readsPay: true,
});

const SCIM_BASE = "https://keel.test/api/scim/v2";

/** How each discovered read is called for org 1 (widest reader: pays visible, no unit filter). */
const CALLS: Record<string, Call> = {
  "lib/webhooks/queries.ts#getWebhookOverview": (c) => [c.fx.org.id],
  "lib/delivery-signals/queries.ts#getDeliverySignals": (c) => [c.fx.org.id, c.projectId],
  "lib/webhooks/queries.ts#listWebhookDeliveries": (c) => [c.fx.org.id, null],
  "lib/api/queries.ts#listApiProjects": (c) => [{ orgId: c.fx.org.id, unitId: null }, { limit: 200 }],
  "lib/api/queries.ts#getApiProject": (c) => [{ orgId: c.fx.org.id, unitId: null }, c.projectId],
  "lib/api/queries.ts#listApiStatusUpdates": (c) => [{ orgId: c.fx.org.id, unitId: null }, { limit: 200 }],
  "lib/api/queries.ts#getApiStatusUpdate": (c) => [{ orgId: c.fx.org.id, unitId: null }, c.projectId],
  "lib/api/queries.ts#listApiOrgUnits": (c) => [
    { orgId: c.fx.org.id, unitId: null },
    { limit: 200, includeClosed: true },
  ],
  "lib/api/queries.ts#getApiOrgUnit": (c) => [{ orgId: c.fx.org.id, unitId: null }, c.fx.unit.id],
  "lib/api/queries.ts#listApiPeople": (c) => [{ orgId: c.fx.org.id, unitId: null }, { limit: 200, includeDeparted: true }, true],
  "lib/api/queries.ts#getApiPerson": (c) => [{ orgId: c.fx.org.id, unitId: null }, c.personId, true],
  "lib/api/queries.ts#listApiPositions": (c) => [{ orgId: c.fx.org.id, unitId: null }, { limit: 200 }, true],
  "lib/api/queries.ts#getApiPosition": (c) => [{ orgId: c.fx.org.id, unitId: null }, c.personId, true],
  "lib/api/queries.ts#positionEditFields": (c) => [{ orgId: c.fx.org.id, unitId: null }, c.personId],
  "lib/api/token-queries.ts#listOrgApiTokens": (c) => [c.fx.org.id],
  "lib/api/token-queries.ts#listMyApiTokens": (c) => [c.fx.org.id, c.fx.users.director],
  "lib/notifications/queries.ts#getInbox": (c) => [c.fx.org.id, c.fx.users.finance, TODAY],
  "lib/notifications/queries.ts#getNotificationSettings": (c) => [c.fx.users.director],
  "lib/api/queries.ts#listApiInitiatives": (c) => [{ orgId: c.fx.org.id, unitId: null }, { limit: 200 }],
  "lib/api/queries.ts#listApiMilestones": (c) => [{ orgId: c.fx.org.id, unitId: null }, { limit: 200 }],
  "lib/api/finance-queries.ts#listApiVendors": (c) => [{ orgId: c.fx.org.id, unitId: null }, { limit: 200 }],
  "lib/api/finance-queries.ts#listApiContracts": (c) => [{ orgId: c.fx.org.id, unitId: null }, { limit: 200 }],
  "lib/api/finance-queries.ts#listApiPlanLines": (c) => [{ orgId: c.fx.org.id, unitId: null }, { limit: 200 }, true],
  "lib/api/finance-queries.ts#listApiActuals": (c) => [{ orgId: c.fx.org.id, unitId: null }, { limit: 200 }, true],
  "lib/api/finance-queries.ts#getApiDeliveryFigures": (c) => [{ orgId: c.fx.org.id, unitId: null }, null],
  "lib/api/finance-queries.ts#getApiFinanceFigures": (c) => [
    { orgId: c.fx.org.id, unitId: null },
    1,
    { fiscalYear: FY, period: "year" },
    true,
  ],
  "lib/audit/queries.ts#listAuditEvents": (c) => [{ org: c.fx.org, readsPay: true }, {}],
  "lib/audit/queries.ts#getRecordHistory": (c) => [
    { org: c.fx.org, readsPay: true, role: "DIRECTOR" },
    { type: "Project", id: c.projectId },
    {},
  ],
  "lib/audit/queries.ts#getAuditFilterOptions": (c) => [c.fx.org.id],
  "lib/budgets/queries.ts#listBudgetFiscalYears": (c) => [c.fx.org.id, 1, TODAY],
  "lib/imports/queries.ts#listLedgerMappings": (c) => [c.fx.org.id],
  "lib/imports/queries.ts#listCostCentres": (c) => [c.fx.org.id],
  "lib/people/hris/queries.ts#listHrisMappings": (c) => [c.fx.org.id],
  "lib/budgets/queries.ts#listImportBatches": (c) => [c.fx.org.id],
  "lib/budgets/queries.ts#getPlanGrid": (c) => [c.fx.org.id, FY, 1, new Set<string>()],
  "lib/headcount/queries.ts#countPositions": (c) => [c.fx.org.id],
  "lib/headcount/queries.ts#listPositions": (c) => [c.fx.org.id, pay],
  "lib/org/queries.ts#listOrgUnits": (c) => [c.fx.org.id, TODAY],
  "lib/org/queries.ts#orgUnitExists": (c) => [c.fx.org.id, c.fx.unit.id],
  "lib/org/queries.ts#listUnitTree": (c) => [c.fx.org.id],
  "lib/people/queries.ts#listPeople": (c) => [c.fx.org.id, pay, TODAY],
  "lib/people/queries.ts#listOrgChart": (c) => [c.fx.org.id, TODAY],
  "lib/privacy/queries.ts#computePayDisclosure": (c) => [c.fx.org.id, FY, 1, TODAY],
  "lib/projects/queries.ts#listProjects": (c) => [c.fx.org.id, {}, TODAY],
  "lib/projects/queries.ts#listProjectsPage": (c) => [c.fx.org.id, {}, {}, TODAY],
  "lib/projects/queries.ts#getProjectFilterOptions": (c) => [c.fx.org.id, {}],
  "lib/projects/queries.ts#countProjectsByStatus": (c) => [c.fx.org.id],
  "lib/projects/queries.ts#listInitiativeOptions": (c) => [c.fx.org.id],
  "lib/roadmap/queries.ts#listInitiativesPage": (c) => [c.fx.org.id, {}],
  "lib/roadmap/queries.ts#countInitiativesByStatus": (c) => [c.fx.org.id],
  "lib/roadmap/timeline-queries.ts#listTimelinePage": (c) => [
    c.fx.org.id,
    parseTimelineFilters({}),
    { start: "2026-01-01", end: "2027-12-31" },
    {},
    50,
  ],
  "lib/roadmap/timeline-queries.ts#listInitiativesForYear": (c) => [c.fx.org.id, 2027],
  "lib/settings/queries.ts#getOrgSettings": (c) => [c.fx.org.id],
  "lib/settings/queries.ts#listMemberSessions": (c) => [c.fx.org.id],
  "lib/settings/queries.ts#listPendingInvitations": (c) => [c.fx.org.id],
  "lib/settings/queries.ts#findOpenInvitation": (c) => [c.token],
  "lib/sso/queries.ts#getSsoSettings": (c) => [c.fx.org.id],
  "lib/scim/queries.ts#listScimUsers": (c) => [c.fx.org.id, SCIM_BASE, { filter: null, startIndex: null, count: null }],
  "lib/scim/queries.ts#listScimGroups": (c) => [c.fx.org.id, SCIM_BASE, { filter: null, startIndex: null, count: null }],
  "lib/scim/queries.ts#readScimUser": (c) => [c.fx.org.id, c.scimUserId, SCIM_BASE],
  "lib/scim/queries.ts#readScimGroup": (c) => [c.fx.org.id, c.scimGroupId, SCIM_BASE],
  "lib/sso/queries.ts#listOrgAdmins": (c) => [c.fx.org.id],
  "lib/vendors/queries.ts#listVendors": (c) => [c.fx.org.id, TODAY],
  "lib/vendors/queries.ts#listContracts": (c) => [c.fx.org.id],
  "lib/vendors/queries.ts#getContractSummary": (c) => [c.fx.org.id, TODAY],
  "lib/vendors/queries.ts#listUpcomingRenewals": (c) => [c.fx.org.id, TODAY],
  "lib/vendors/queries.ts#listContractFormOptions": (c) => [c.fx.org.id],
  "lib/projects/detail.ts#getProjectDetail": (c) => [c.fx.org.id, c.projectId, TODAY],
  "lib/people/detail.ts#getPersonDetail": (c) => [c.fx.org.id, c.personId, pay],
  "lib/people/detail.ts#listUnitChoices": (c) => [{ orgId: c.fx.org.id, unitId: null }],
  "lib/people/detail.ts#staffableProjects": (c) => [{ orgId: c.fx.org.id, unitId: null }, [c.projectId]],
  "lib/org/search.ts#searchUnitOptions": (c) => [c.fx.org.id, ""],
  "lib/org/search.ts#unitChoice": (c) => [c.fx.org.id, c.fx.unit.id],
  "lib/roadmap/search.ts#searchInitiativeOptions": (c) => [c.fx.org.id, "Initiative"],
  "lib/projects/search.ts#searchProjectOptions": (c) => [c.fx.org.id, "Project", "none"],
  "lib/people/search.ts#searchPeopleOptions": (c) => [c.fx.org.id, "Person"],
  "lib/people/queries.ts#listPeoplePage": (c) => [c.fx.org.id, pay, {}, TODAY, null, { status: "current" }, ""],
  "lib/people/queries.ts#countFutureStarters": (c) => [c.fx.org.id, TODAY, null],
  "lib/org/queries.ts#unitPath": (c) => [c.fx.org.id, c.fx.unit.id],
  "lib/org/queries.ts#countUnits": (c) => [c.fx.org.id, null],
  "lib/settings/queries.ts#listMembersPage": (c) => [c.fx.org.id, "", {}],
  "lib/vendors/queries.ts#listVendorsPage": (c) => [c.fx.org.id, TODAY, "", {}],
  "lib/vendors/queries.ts#listContractsPage": (c) => [c.fx.org.id, null, parseContractListParams({}), {}],
  "lib/managers/queries.ts#getManagerProfile": (c) => [c.fx.org.id, c.personId],
  "lib/managers/queries.ts#listDirectReports": (c) => [c.fx.org.id, c.managerId, "2026-06-15"],
  "lib/managers/queries.ts#listManagerNotes": (c) => [c.fx.org.id, c.managerId, c.fx.users.director],
  "lib/org-health/queries.ts#spanOfControl": (c) => [{ orgId: c.fx.org.id, unitId: null, day: "2026-06-15" }],
  "lib/org-health/queries.ts#spanDistribution": (c) => [{ orgId: c.fx.org.id, unitId: null, day: "2026-06-15" }],
  "lib/org-health/queries.ts#layers": (c) => [{ orgId: c.fx.org.id, unitId: null, day: "2026-06-15" }],
  "lib/org-health/queries.ts#managerIcRatio": (c) => [{ orgId: c.fx.org.id, unitId: null, day: "2026-06-15" }],
  "lib/org-health/queries.ts#unitsWithoutLead": (c) => [{ orgId: c.fx.org.id, unitId: null, day: "2026-06-15" }],
  "lib/org-health/queries.ts#actingLeads": (c) => [{ orgId: c.fx.org.id, unitId: null, day: "2026-06-15" }],
  "lib/org-health/queries.ts#attritionByUnit": (c) => [{ orgId: c.fx.org.id, unitId: null, day: "2026-06-15" }],
  "lib/org-health/queries.ts#attritionTotal": (c) => [{ orgId: c.fx.org.id, unitId: null, day: "2026-06-15" }],
  "lib/org-health/queries.ts#timeToFill": (c) => [{ orgId: c.fx.org.id, unitId: null, day: "2026-06-15" }],
  "lib/org-health/queries.ts#timeToFillByUnit": (c) => [{ orgId: c.fx.org.id, unitId: null, day: "2026-06-15" }],
  "lib/org-health/queries.ts#tenureDistribution": (c) => [{ orgId: c.fx.org.id, unitId: null, day: "2026-06-15" }],
  "lib/org-health/queries.ts#newManagers": (c) => [{ orgId: c.fx.org.id, unitId: null, day: "2026-06-15" }],
  // Figure and list modules not named like read modules (FIGURE_MODULES below).
  "lib/budgets/rollup.ts#getFinanceView": (c) => [financeScope(c)],
  "lib/budgets/rollup.ts#getFinanceViews": (c) => [financeScope(c), [{ period: "year", parts: ["categories", "tree", "months", "top"] }]],
  "lib/budgets/rollup.ts#getFinanceTree": (c) => [financeScope(c)],
  // The published forecast (lib/privacy/publication.ts): published pay sources, not people now.
  "lib/budgets/rollup.ts#getFinanceCategories": (c) => [{ ...financeScope(c), forecast: "published" as const }],
  "lib/budgets/lines.ts#linesContext": (c) => [c.fx.org.id, pay, linesFilters()],
  "lib/budgets/lines.ts#linesTotals": (c) => [linesScope(c.fx.org.id, pay, linesFilters())],
  "lib/budgets/lines.ts#linesPage": (c) => [linesScope(c.fx.org.id, pay, linesFilters()), {}],
  "lib/budgets/forecast-sql.ts#getForecastCells": (c) => [
    forecastWindow(c.fx.org.id, { start: new Date("2026-01-01"), end: new Date("2026-12-01") }, TODAY),
  ],
  "lib/dashboard/delivery-figures.ts#getDeliveryFigures": (c) => [c.fx.org.id, null, TODAY],
  "lib/dashboard/delivery-figures.ts#getLatestUpdates": (c) => [c.fx.org.id, [c.projectId]],
  "lib/dashboard/money-figures.ts#getMoneyFigures": (c) => [c.fx.org.id, 1, true, DASHBOARD, TODAY],
  "lib/dashboard/people-figures.ts#getPeopleFigures": (c) => [c.fx.org.id, 1, DASHBOARD, TODAY],
  "lib/headcount/plan.ts#planVsActual": (c) => [c.fx.org.id, { unitId: null, fiscalYear: FY, startMonth: 1, today: TODAY }],
  "lib/headcount/plan.ts#computedPlanVsActual": (c) => [c.fx.org.id, { unitId: null, fiscalYear: FY, startMonth: 1, today: TODAY }],
  "lib/headcount/plan.ts#storedPlanVsActualRows": (c) => [c.fx.org.id, { unitId: null, fiscalYear: FY, startMonth: 1, today: TODAY }],
  "lib/headcount/plan.ts#hiringFunnel": (c) => [c.fx.org.id, { unitId: null, fiscalYear: 2027 }],
  "lib/headcount/plan.ts#unfilledCostByUnit": (c) => [c.fx.org.id, null, pay, TODAY],
  "lib/headcount/staffing.ts#getProjectStaffing": (c) => [c.fx.org.id, c.projectId, TODAY],
  "lib/headcount/staffing.ts#capacityByMonth": (c) => [c.fx.org.id, c.fx.unit.id, "2026-01-01", 6],
  "lib/headcount/staffing.ts#capacityByTeam": (c) => [c.fx.org.id, "2026-01-01", 6],
  "lib/managers/figures.ts#getManagerFigures": (c) => [
    c.fx.org.id,
    1,
    { id: c.personId, unitId: c.fx.unit.id, teamUnitId: c.fx.unit.id, viewerUserId: c.fx.users.director },
    TODAY,
  ],
  "lib/managers/figures.ts#managersNeedingSupport": (c) => [c.fx.org.id, null, TODAY],
  "lib/org-health/index.ts#getOrgHealth": (c) => [{ orgId: c.fx.org.id, unitId: null, day: "2026-06-15" }],
  "lib/org/unit-detail.ts#getUnitDetail": (c) => [c.fx.org.id, c.fx.unit.id, "2026-06-15"],
  "lib/org/reorg/queries.ts#listReorgs": (c) => [c.fx.org.id],
  "lib/org/reorg/queries.ts#getReorg": (c) => [c.fx.org.id, "no-such-reorg"],
  "lib/org/unit-detail.ts#unitTreeAsOf": (c) => [c.fx.org.id, "2026-06-15"],
  "lib/projects/review.ts#getDeliveryReview": (c) => [
    { orgId: c.fx.org.id, unitId: null, viewerUserId: c.fx.users.director },
    EVERY_ROW,
    TODAY,
  ],
  "lib/projects/bell.ts#getBell": (c) => [bellScopeOf(director(c)), TODAY],
  "lib/projects/attention.ts#listAttention": (c) => [c.fx.org.id, null, TODAY],
  "lib/privacy/pay-sources.ts#loadPaySources": (c) => [c.fx.org.id, { from: new Date("2026-01-01"), to: new Date("2026-12-31") }, TODAY],
  "lib/privacy/queries.ts#getPayDisclosure": (c) => [c.fx.org.id, FY, 1, TODAY],
  "lib/headcount/form-options.ts#getPositionFormOptionsFor": (c) => [director(c)],
  "lib/projects/form-options.ts#getProjectFormOptionsFor": (c) => [director(c)],
  "lib/roadmap/form-options.ts#getInitiativeFormUnits": (c) => [director(c)],
  "lib/budgets/lines.ts#allLines": (c) => [linesScope(c.fx.org.id, pay, linesFilters()), 1],
  "lib/audit/queries.ts#auditEventBatches": (c) => [{ org: c.fx.org, readsPay: true }, {}, 1],
  // The CSV exports (EXPORT_MODULES), read to the end, in batches of one row.
  "lib/budgets/export.ts#financeExportCsv": (c) => [
    director(c),
    { fiscalYear: FY, period: "year", unitId: null, category: null },
    "tree",
    TODAY,
  ],
  "lib/budgets/lines-export.ts#linesCsvStream": (c) => [linesScope(c.fx.org.id, pay, linesFilters()), true, 1],
  "lib/projects/export.ts#exportProjectsCsv": (c) => [c.fx.org, new URLSearchParams(), TODAY, 1],
  "lib/audit/export.ts#exportAuditCsv": (c) => [director(c), new URLSearchParams(), 1],
};

/**
 * Modules of figures and lists whose names do not say "queries": every exported function in them
 * is a read (and must have a call above) except these helpers that build SQL or pure values.
 */
const FIGURE_MODULES = [
  "lib/budgets/rollup.ts",
  "lib/budgets/lines.ts",
  "lib/budgets/forecast-sql.ts",
  "lib/budgets/forecast-window.ts",
  "lib/budgets/forecast-personnel-sql.ts",
  "lib/budgets/forecast-commitments-sql.ts",
  "lib/dashboard/delivery-figures.ts",
  "lib/dashboard/money-figures.ts",
  "lib/dashboard/people-figures.ts",
  "lib/headcount/plan.ts",
  "lib/headcount/staffing.ts",
  "lib/org-health/index.ts",
  "lib/managers/figures.ts",
  "lib/org/unit-detail.ts",
  "lib/projects/review.ts",
  "lib/projects/awaiting-sql.ts",
  "lib/projects/bell.ts",
  "lib/projects/attention.ts",
  "lib/privacy/pay-sources.ts",
  // Read modules whose reads are not declared async (the read-module scan finds async ones).
  "lib/privacy/queries.ts",
  "lib/headcount/form-options.ts",
  "lib/projects/form-options.ts",
  "lib/roadmap/form-options.ts",
];
/** The CSV exports: each exported function builds a download from reads (helpers in SQL_HELPERS). */
const EXPORT_MODULES = ["lib/budgets/export.ts", "lib/budgets/lines-export.ts", "lib/projects/export.ts", "lib/audit/export.ts"];
const SQL_HELPERS = new Set([
  "lib/budgets/lines-export.ts#lineCells",
  "lib/budgets/lines-export.ts#linesCsvFileName",
  "lib/budgets/lines.ts#linesScope",
  "lib/budgets/forecast-window.ts#roundHalfEvenSql",
  "lib/budgets/forecast-window.ts#forecastWindow",
  "lib/budgets/forecast-window.ts#monthStart",
  "lib/budgets/forecast-personnel-sql.ts#personnelCtes",
  "lib/budgets/forecast-commitments-sql.ts#commitmentCtes",
  "lib/budgets/forecast-sql.ts#forecastCtes",
  "lib/privacy/pay-sources.ts#liveSpansCte",
  "lib/projects/review.ts#reviewScopeOf",
  "lib/projects/awaiting-sql.ts#awaitingSql",
  "lib/projects/bell.ts#bellScopeOf",
  "lib/projects/attention.ts#milestoneWindow",
  "lib/projects/attention.ts#projectsCte",
  "lib/projects/attention.ts#milestonesFrom",
  "lib/projects/attention.ts#blockedFrom",
]);

/** Exported async functions of lib/'s read modules, as "file#name". */
function discoverReads(): string[] {
  const files = readdirSync(path.join(ROOT, "lib"), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !e.parentPath.includes("generated"))
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
    .filter((f) => READ_MODULE.test(f));
  const out: string[] = [];
  for (const file of files) {
    const text = readFileSync(path.join(ROOT, file), "utf8");
    for (const m of text.matchAll(/^export (?:async function\*? ?(\w+)|const (\w+) = cache\(async)/gm)) out.push(`${file}#${m[1] ?? m[2]}`);
  }
  for (const file of [...FIGURE_MODULES, ...EXPORT_MODULES]) {
    const text = readFileSync(path.join(ROOT, file), "utf8");
    for (const m of text.matchAll(/^export (?:async )?function\*? ?(\w+)/gm))
      if (!SQL_HELPERS.has(`${file}#${m[1]}`)) out.push(`${file}#${m[1]}`);
  }
  return [...new Set(out)].sort();
}

const json = (value: unknown) =>
  JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? `${v}n` : v instanceof Map ? [...v.entries()] : v instanceof Set ? [...v] : v));

/** A read's answer as text: a CSV stream read to the end, a batch generator's batches, or JSON. */
async function answer(value: unknown): Promise<string> {
  if (value instanceof ReadableStream) return new Response(value).text();
  if (value && typeof value === "object" && Symbol.asyncIterator in value) {
    const batches: unknown[] = [];
    for await (const b of value as AsyncIterable<unknown>) batches.push(b);
    return json(batches);
  }
  return json(await value);
}

async function populate(db: ReturnType<typeof testDb>): Promise<Ctx> {
  const fx = await createAuthzOrg(db);
  const person = await fx.make.person();
  await fx.make.person();
  const project = await fx.make.project();
  const sso = { displayName: "Okta", issuer: "https://idp.example", clientId: "keel", clientSecretSealed: "v1.x" };
  await db.orgSso.create({ data: { orgId: fx.org.id, ...sso, breakGlassUserId: fx.users.admin } });
  await db.ssoDomain.create({ data: { domain: `${fx.org.slug}.example`, orgId: fx.org.id } });
  await db.allocation.create({
    data: { orgId: fx.org.id, projectId: project.id, personId: person.id, percent: 50, startDate: new Date("2026-01-05") },
  });
  await db.statusUpdate.create({
    data: { orgId: fx.org.id, projectId: project.id, authorId: fx.users.author, health: "AT_RISK", summary: "Slipping" },
  });
  await fx.make.milestone();
  await fx.make.dependency();
  await fx.make.position("PLANNED");
  await fx.make.position("OPEN");
  await fx.make.initiative();
  await fx.make.contract();
  await fx.make.contract();
  await fx.make.webhookDelivery();
  // Delivery signals of the project: an upload (items, snapshot, sync log) and a linked epic.
  const csv = `"ID","Title","Status","Created","Completed"\n"ENG-1","One","Done","2026-06-01T09:00:00Z","2026-06-10T09:00:00Z"\n"ENG-2","Two","Todo","2026-06-02T09:00:00Z",""\n`;
  expect((await importDeliveryCsv.run(fx.users.director, fx.slug, { projectId: project.id, kind: "LINEAR", csv })).ok).toBe(true);
  const epicMilestone = await db.milestone.create({
    data: { orgId: fx.org.id, projectId: project.id, name: "Epic", dueDate: new Date("2026-09-01") },
  });
  await db.deliveryEpicLink.create({ data: { orgId: fx.org.id, projectId: project.id, milestoneId: epicMilestone.id, epicKey: "ENG-1" } });
  const token = await fx.make.invitation();
  const imported = await importActuals.run(fx.users.finance, fx.slug, { uploadId: await fx.make.actualsCsv(), fileName: "ledger.csv" });
  expect(imported.ok, JSON.stringify(imported)).toBe(true);
  await db.importMapping.create({
    data: {
      orgId: fx.org.id,
      kind: "ACTUALS",
      signature: "date|account|amount",
      header: ["Date", "Account", "Amount"],
      mapping: {
        encoding: "utf-8",
        dateFormat: "MDY",
        columns: { date: "Date", account: "Account", amount: "Amount" },
        fixedCostCentre: fx.unit.code,
        accounts: [{ value: "6200 Travel", category: "TRAVEL" }],
        costCentres: [],
      },
      updatedById: fx.users.finance,
    },
  });
  await fx.make.planLine();
  // A manager (the person above) with a report, below the director's person, with a development note.
  const boss = await db.person.create({
    data: {
      orgId: fx.org.id,
      orgUnitId: fx.units.deptA.id,
      name: "Boss",
      title: "Director",
      level: "D1",
      startDate: new Date("2020-01-06"),
      annualCompCents: 1n,
      userId: fx.users.director,
    },
  });
  await db.person.update({ where: { id: person.id }, data: { managerId: boss.id } });
  const report = await fx.make.person();
  await db.person.update({ where: { id: report.id }, data: { managerId: person.id } });
  await db.managerNote.create({
    data: {
      orgId: fx.org.id,
      managerId: person.id,
      authorId: fx.users.director,
      kind: "GOAL",
      body: "Grow the team",
      checkInOn: new Date("2026-07-01"),
    },
  });
  // A provisioned user in a pushed group (lib/scim/).
  const scimUser = await db.scimUser.create({
    data: { orgId: fx.org.id, userId: fx.users.viewer, userName: `viewer@${fx.org.slug}.example` },
  });
  const scimGroup = await db.scimGroup.create({ data: { orgId: fx.org.id, displayName: "Keel Viewers" } });
  await db.scimGroupMember.create({ data: { orgId: fx.org.id, groupId: scimGroup.id, scimUserId: scimUser.id } });
  return {
    fx,
    projectId: project.id,
    personId: person.id,
    managerId: person.id,
    token,
    scimUserId: scimUser.id,
    scimGroupId: scimGroup.id,
  };
}

async function runAll(c: Ctx): Promise<Map<string, string>> {
  clearFiguresMemo();
  const out = new Map<string, string>();
  for (const key of Object.keys(CALLS).sort()) {
    const [file, name] = key.split("#");
    const mod = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<
      string,
      ((...args: unknown[]) => Promise<unknown>) | undefined
    >;
    // A call naming no export is reported by the discovery test below, not here.
    const read = mod[name];
    if (read) out.set(key, await answer(read(...CALLS[key](c))));
  }
  return out;
}

/** Every id that belongs to org 2: its rows in every table with an orgId, and its users. */
async function idsOf(db: ReturnType<typeof testDb>, orgId: string): Promise<string[]> {
  const tables = await db.$queryRaw<{ table_name: string }[]>`
    SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'orgId'`;
  const ids = [orgId];
  for (const { table_name } of tables) {
    const rows = await db
      .$queryRawUnsafe<{ id: string }[]>(`SELECT id::text AS id FROM "${table_name}" WHERE "orgId" = $1`, orgId)
      .catch(() => []);
    ids.push(...rows.map((r) => r.id));
  }
  const users = await db.$queryRaw<{ id: string }[]>`SELECT "userId" AS id FROM "Membership" WHERE "orgId" = ${orgId}`;
  return [...ids, ...users.map((u) => u.id)];
}

const db = testDb();
let first: Ctx;
let alone: Map<string, string>;
let together: Map<string, string>;
let foreignIds: string[];

beforeAll(async () => {
  await resetDb();
  first = await populate(db);
  alone = await runAll(first);
  const second = await populate(db);
  // The same shapes, but every amount of org 2 differs, so a total that takes one in changes.
  await db.$executeRaw`UPDATE "ActualEntry" SET "amountCents" = "amountCents" + 777 WHERE "orgId" = ${second.fx.org.id}`;
  await db.$executeRaw`UPDATE "BudgetLine" SET "amountCents" = "amountCents" + 777 WHERE "orgId" = ${second.fx.org.id}`;
  await db.$executeRaw`UPDATE "Contract" SET "annualAmountCents" = "annualAmountCents" + 777 WHERE "orgId" = ${second.fx.org.id}`;
  await db.$executeRaw`UPDATE "Person" SET "annualCompCents" = "annualCompCents" + 777 WHERE "orgId" = ${second.fx.org.id}`;
  await db.$executeRaw`UPDATE "Position" SET "annualCompCents" = "annualCompCents" + 777 WHERE "orgId" = ${second.fx.org.id}`;
  // Org 2's published forecast too (lib/privacy/publication.ts), under the same version numbers as org 1's.
  await publishIfDue(second.fx.org.id, 1, TODAY);
  together = await runAll(first);
  foreignIds = await idsOf(db, second.fx.org.id);
}, 240_000);

describe("tenancy canary: every read of lib/ sees only its own org", () => {
  it("every exported read of a read module has a call here (a new read cannot be left out)", () => {
    const discovered = discoverReads();
    expect(
      discovered.filter((k) => !CALLS[k]),
      "reads without a canary call",
    ).toEqual([]);
    expect(
      Object.keys(CALLS).filter((k) => !discovered.includes(k)),
      "canary calls naming no read",
    ).toEqual([]);
  });

  it("org 1's answers do not change when a second org of the same shape exists", () => {
    const changed = [...alone.keys()].filter((k) => alone.get(k) !== together.get(k));
    expect(changed).toEqual([]);
  });

  it("no answer names an id of the second org", () => {
    const leaks = [...together.entries()].flatMap(([k, text]) => foreignIds.filter((id) => text.includes(id)).map((id) => `${k}: ${id}`));
    expect(leaks).toEqual([]);
    // The canary has something to find: org 1's answers are not empty.
    expect([...together.values()].filter((t) => t.length > 20).length).toBeGreaterThan(30);
  });
});
