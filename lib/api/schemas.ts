import { extendZodWithOpenApi } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";

import { ZId } from "@/lib/validation";

// The REST API's zod schemas: route handlers parse queries and bodies with them, responses are
// built to them, and lib/api/openapi.ts generates the OpenAPI 3.1 document from them, so the
// document cannot drift from what the routes do (tests/unit/api-openapi.test.ts).

extendZodWithOpenApi(z);

const PAGE_LIMIT_MAX = 200;

const ZLimit = z.coerce
  .number({ error: "limit must be a whole number." })
  .int("limit must be a whole number.")
  .min(1, "limit must be at least 1.")
  .max(PAGE_LIMIT_MAX, `limit must be at most ${PAGE_LIMIT_MAX}.`)
  .default(50)
  .openapi({ description: `Items per page, 1–${PAGE_LIMIT_MAX} (default 50).` });
const ZCursor = z
  .string()
  .max(200, "cursor is not one this API gave.")
  .optional()
  .openapi({ description: "nextCursor of the previous page." });
const ZBool = z.enum(["true", "false"], { error: "Use true or false." }).transform((v) => v === "true");
const ZIsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date such as 2026-03-31.");

const ZPageQuery = z.strictObject({ limit: ZLimit, cursor: ZCursor });

export const ZProjectQuery = ZPageQuery.extend({
  status: z.enum(["PLANNED", "ACTIVE", "PAUSED", "DONE", "CANCELLED"], { error: "Unknown status." }).optional(),
  health: z.enum(["ON_TRACK", "AT_RISK", "OFF_TRACK", "UNKNOWN"], { error: "Unknown health." }).optional(),
  orgUnitId: ZId().optional().openapi({ description: "Only projects of this unit and the units under it." }),
  archived: ZBool.optional().openapi({
    type: "string",
    enum: ["true", "false"],
    description: "Archived projects instead (default false).",
  }),
});
export const ZUpdateQuery = ZPageQuery.extend({
  projectId: ZId().optional(),
  since: ZIsoDate.optional().openapi({ description: "Only updates posted on or after this day (UTC)." }),
});
export const ZOrgUnitQuery = ZPageQuery.extend({
  parentId: ZId().optional(),
  includeClosed: ZBool.optional().openapi({ type: "string", enum: ["true", "false"] }),
});
export const ZPersonQuery = ZPageQuery.extend({
  orgUnitId: ZId().optional().openapi({ description: "Only people of this unit and the units under it." }),
  includeDeparted: ZBool.optional().openapi({ type: "string", enum: ["true", "false"] }),
});
export const ZPositionQuery = ZPageQuery.extend({
  status: z.enum(["PLANNED", "OPEN", "FILLED", "BACKFILL", "CLOSED"], { error: "Unknown status." }).optional(),
  orgUnitId: ZId().optional(),
});

const CATEGORIES = ["PERSONNEL", "CONTRACTORS", "SOFTWARE", "CLOUD", "HARDWARE", "TRAINING", "TRAVEL", "OTHER"] as const;
const ZCategory = z.enum(CATEGORIES, { error: "Unknown category." });
const ZMonth = z.string().regex(/^\d{4}-\d{2}$/, "Use a month such as 2026-03.");

export const ZMilestoneQuery = ZPageQuery.extend({
  projectId: ZId().optional(),
  done: ZBool.optional().openapi({ type: "string", enum: ["true", "false"] }),
});
export const ZInitiativeQuery = ZPageQuery.extend({
  fiscalYear: z.coerce
    .number({ error: "Enter the fiscal year, e.g. 2027." })
    .int()
    .min(2000)
    .max(2100)
    .optional()
    .openapi({ type: "integer" }),
  status: z.enum(["PROPOSED", "ACTIVE", "DONE", "CANCELLED"], { error: "Unknown status." }).optional(),
  orgUnitId: ZId().optional(),
});
export const ZVendorQuery = ZPageQuery.extend({});
export const ZContractQuery = ZPageQuery.extend({
  vendorId: ZId().optional(),
  status: z.enum(["DRAFT", "ACTIVE", "EXPIRED", "CANCELLED"], { error: "Unknown status." }).optional(),
  orgUnitId: ZId().optional(),
});
export const ZPlanLineQuery = ZPageQuery.extend({
  orgUnitId: ZId().optional(),
  category: ZCategory.optional(),
  from: ZMonth.optional().openapi({ description: "First month, e.g. 2026-01." }),
  to: ZMonth.optional().openapi({ description: "Last month, e.g. 2026-12." }),
});
export const ZActualQuery = ZPageQuery.extend({
  orgUnitId: ZId().optional(),
  category: ZCategory.optional(),
  vendorId: ZId().optional(),
  from: ZIsoDate.optional().openapi({ description: "Booked on or after this day." }),
  to: ZIsoDate.optional().openapi({ description: "Booked on or before this day." }),
});
export const ZDeliveryFiguresQuery = z.strictObject({
  orgUnitId: ZId().optional().openapi({ description: "The unit and every unit below it (default: the whole org)." }),
});
export const ZFinanceFiguresQuery = z.strictObject({
  fiscalYear: z.coerce.number({ error: "Enter the fiscal year, e.g. 2027." }).int().min(2000).max(2100).openapi({ type: "integer" }),
  period: z
    .string()
    .regex(/^(year|ytd|q[1-4]|m([1-9]|1[0-2]))$/, "Use year, ytd, q1–q4 or m1–m12.")
    .default("year")
    .openapi({ description: "year, ytd, q1–q4 or m1–m12 (fiscal)." }),
  orgUnitId: ZId().optional(),
  category: ZCategory.optional(),
});

export const ZIdParam = z.object({ id: z.string().openapi({ param: { name: "id", in: "path" } }) });

const page = <T extends z.ZodType>(item: T, name: string) =>
  z
    .strictObject({ data: z.array(item), nextCursor: z.string().nullable().openapi({ description: "null on the last page." }) })
    .openapi(name);

const date = z.string().nullable().openapi({ format: "date" });
const money = z.string().nullable().openapi({ description: "Minor units of the org's currency, as a decimal string." });

export const ZProject = z
  .strictObject({
    id: z.string(),
    name: z.string(),
    orgUnitId: z.string(),
    leadId: z.string().nullable(),
    status: z.string(),
    health: z.string(),
    startDate: date,
    targetDate: date,
    completedDate: date,
    lastUpdateAt: z.string().nullable().openapi({ format: "date-time" }),
    budgetCents: money,
    archived: z.boolean(),
    version: z.number().int().openapi({ description: "Send it back in If-Match to change the project." }),
  })
  .openapi("Project");

export const ZStatusUpdate = z
  .strictObject({
    id: z.string(),
    projectId: z.string(),
    authorId: z.string(),
    health: z.string(),
    summary: z.string(),
    body: z.string(),
    suggestedHealth: z.string().nullable(),
    createdAt: z.string().openapi({ format: "date-time" }),
  })
  .openapi("StatusUpdate");

export const ZOrgUnit = z
  .strictObject({
    id: z.string(),
    name: z.string(),
    code: z.string(),
    kind: z.string(),
    parentId: z.string().nullable(),
    leadId: z.string().nullable(),
    closedOn: date,
  })
  .openapi("OrgUnit");

export const ZPerson = z
  .strictObject({
    id: z.string(),
    name: z.string(),
    title: z.string(),
    level: z.string(),
    orgUnitId: z.string(),
    managerId: z.string().nullable(),
    startDate: date,
    endDate: date,
    annualCompCents: money.optional().openapi({ description: "Only with the compensation:read scope and a principal that reads pay." }),
  })
  .openapi("Person");

export const ZPosition = z
  .strictObject({
    id: z.string(),
    title: z.string(),
    level: z.string(),
    status: z.string(),
    orgUnitId: z.string(),
    personId: z.string().nullable(),
    targetStartDate: date,
    budgetFiscalYear: z.number().int(),
    budgetFiscalQuarter: z.number().int().nullable(),
    version: z.number().int().openapi({ description: "Send it back in If-Match to change the position." }),
    annualCompCents: money.optional().openapi({ description: "Only with the compensation:read scope and a principal that reads pay." }),
  })
  .openapi("Position");

const ZMilestone = z
  .strictObject({ id: z.string(), projectId: z.string(), name: z.string(), dueDate: date, doneDate: date })
  .openapi("Milestone");
const ZInitiative = z
  .strictObject({
    id: z.string(),
    name: z.string(),
    objective: z.string(),
    orgUnitId: z.string(),
    ownerId: z.string().nullable(),
    status: z.string(),
    fiscalYear: z.number().int(),
    fiscalQuarter: z.number().int().nullable(),
    fiscalHalf: z.number().int().nullable(),
  })
  .openapi("Initiative");
const ZVendor = z.strictObject({ id: z.string(), name: z.string(), website: z.string().nullable() }).openapi("Vendor");
const ZContract = z
  .strictObject({
    id: z.string(),
    vendorId: z.string(),
    orgUnitId: z.string(),
    category: z.string(),
    name: z.string(),
    annualAmountCents: money,
    startDate: date,
    endDate: date,
    renewalNoticeDate: date,
    autoRenew: z.boolean(),
    status: z.string(),
    version: z.number().int(),
  })
  .openapi("Contract");
const ZPlanLine = z
  .strictObject({
    id: z.string(),
    orgUnitId: z.string(),
    month: z.string().openapi({ example: "2026-03" }),
    category: z.string(),
    amountCents: money,
  })
  .openapi("PlanLine");
const ZActual = z
  .strictObject({
    id: z.string(),
    orgUnitId: z.string(),
    bookedOn: date,
    category: z.string(),
    amountCents: money,
    vendorId: z.string().nullable(),
    projectId: z.string().nullable(),
    memo: z.string(),
    externalRef: z.string().nullable(),
  })
  .openapi("Actual");
const count = (id: string) =>
  z
    .number()
    .int()
    .openapi({ description: `Glossary \`${id}\` (docs/figures.md).` });
export const ZDeliveryFigures = z
  .strictObject({
    activeProjects: count("active-projects"),
    onTrack: count("on-track"),
    atRisk: count("at-risk"),
    offTrack: count("off-track"),
    unknownHealth: count("unknown-health"),
    milestonesOverdue: z.number().int(),
    milestonesDueSoon: z.number().int(),
    blockedDependencies: z.number().int(),
  })
  .openapi("DeliveryFigures");
const amount = z.string().nullable().openapi({ description: "Minor units as a decimal string; null = withheld (see `withheld`)." });
const ZAmounts = z.strictObject({
  planCents: amount,
  actualCents: amount,
  forecastCents: amount,
  varianceCents: amount,
  variancePct: z.number().nullable(),
  withheld: z.string().nullable(),
});
export const ZFinanceFigures = z
  .strictObject({
    period: z.strictObject({ key: z.string(), label: z.string(), start: z.string(), end: z.string() }),
    forecastAsOf: z.string().nullable().openapi({
      description:
        "When the forecast is the published one (callers without pay access, docs/privacy.md): the time it was last published; null = the live forecast.",
    }),
    totals: ZAmounts,
    categories: z.array(ZAmounts.extend({ category: z.string() })),
  })
  .openapi("FinanceFigures");

export const ZProjectPage = page(ZProject, "ProjectPage");
export const ZStatusUpdatePage = page(ZStatusUpdate, "StatusUpdatePage");
export const ZOrgUnitPage = page(ZOrgUnit, "OrgUnitPage");
export const ZPersonPage = page(ZPerson, "PersonPage");
export const ZPositionPage = page(ZPosition, "PositionPage");
export const ZMilestonePage = page(ZMilestone, "MilestonePage");
export const ZInitiativePage = page(ZInitiative, "InitiativePage");
export const ZVendorPage = page(ZVendor, "VendorPage");
export const ZContractPage = page(ZContract, "ContractPage");
export const ZPlanLinePage = page(ZPlanLine, "PlanLinePage");
export const ZActualPage = page(ZActual, "ActualPage");

export const ZProblem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z.array(z.object({ field: z.string(), messages: z.array(z.string()) })).optional(),
    scope: z.string().optional(),
  })
  .openapi("Problem");
