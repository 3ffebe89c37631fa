import { formatMoney } from "@/lib/money";
import { HEALTH_LABELS } from "@/lib/projects/health-labels";

// The fields of an audit event as a person reads them: a label in words, values with names for
// ids and money formatted, internal fields hidden, and pay withheld from readers without pay.

/** Bookkeeping that says nothing to a reader (optimistic-lock counters, keys, timestamps of the row itself). */
const INTERNAL = new Set([
  "id",
  "orgId",
  "version",
  "createdAt",
  "updatedAt",
  "depth",
  "path",
  "healthChangedAt",
  "acknowledgedById",
  "openedAt",
  "filledAt",
  "closedAt",
]);

/**
 * Individual pay and what betrays it (a change flag, a band): shown only to
 * readers who may read pay (lib/permissions.ts readsPay), in the viewer and the CSV export.
 */
const PAY = new Set([
  "annualCompCents",
  "compensation",
  "compBandMinCents",
  "compBandMaxCents",
  "compBandMin",
  "compBandMax",
  "compIsEstimate",
  "compensationChanged",
  "bandChanged",
]);

export function isPayField(field: string): boolean {
  return PAY.has(field);
}

/** A Personnel budget cell is pay in aggregate: withheld like the plan grid withholds it. */
export function isPayEvent(entityType: string, before: unknown, after: unknown): boolean {
  const personnel = (v: unknown) => !!v && typeof v === "object" && (v as Record<string, unknown>).category === "PERSONNEL";
  return entityType === "BudgetLine" && (personnel(before) || personnel(after));
}

const LABELS: Record<string, string> = {
  orgUnitId: "Unit",
  managerId: "Manager",
  leadId: "Lead",
  actingLeadId: "Acting lead",
  parentId: "Parent unit",
  personId: "Person",
  positionId: "Position",
  projectId: "Project",
  blockerId: "Blocked by",
  blockedId: "Blocked project",
  initiativeId: "Initiative",
  vendorId: "Vendor",
  ownerUnitId: "Owner unit",
  backfillForId: "Backfill for",
  scopeUnitId: "Scope",
  userId: "User",
  authorId: "Author",
  annualCompCents: "Annual pay",
  compensation: "Annual pay",
  compBandMinCents: "Pay band from",
  compBandMaxCents: "Pay band to",
  compensationChanged: "Pay changed",
  bandChanged: "Pay band changed",
  compIsEstimate: "Pay is an estimate",
  loadedCostMultiplier: "Loaded cost multiplier",
  annualAmountCents: "Annual amount",
  budgetCents: "Budget",
  amountCents: "Amount",
  endDate: "End date",
  startDate: "Start date",
  targetDate: "Target date",
  targetStartDate: "Target start",
  effectiveFrom: "Effective from",
  vacantFrom: "Vacant from",
  overrideReason: "Reason for overriding health",
  suggestedHealth: "Suggested health",
  acknowledgedAt: "Acknowledged",
  autoRenew: "Renews automatically",
  financeReadsPay: "Finance may read pay",
  fiscalYearStartMonth: "Fiscal year starts in month",
  budgetFiscalYear: "Budget year",
  budgetFiscalQuarter: "Budget quarter",
  outsidePlan: "Outside the plan",
  closedOn: "Closed on",
  movedTo: "Contents moved to",
  sessionsEnded: "Sessions ended",
  percentChange: "Change",
  percent: "Share of time",
  copiedFrom: "Copied from",
};

/** "annualCompCents" → "Annual pay"; unknown fields: "noticeDays" → "Notice days". */
export function fieldLabel(field: string): string {
  if (Object.hasOwn(LABELS, field)) return LABELS[field];
  const words = field
    .replace(/Cents$/, "")
    .replace(/Id$/, "")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Whether a field is shown at all: internal fields never, pay only to pay readers, and a …Name beside its …Id is the id's fallback. */
export function isShownField(field: string, readsPay: boolean, siblings: Record<string, unknown>): boolean {
  if (INTERNAL.has(field)) return false;
  if (isPayField(field) && !readsPay) return false;
  const idTwin = field.endsWith("Name") ? `${field.slice(0, -4)}Id` : null;
  return !(idTwin && Object.hasOwn(siblings, idTwin));
}

export type NameOf = (id: string) => string | null;

const dateFormat = new Intl.DateTimeFormat("en-US", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
/** A moment as the audit log shows it: date and 24-hour time, in UTC (followed by "UTC"). */
export const dateTimeFormat = new Intl.DateTimeFormat("en-US", {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZone: "UTC",
});

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d+)?Z)?$/;

/** Fields holding a database enum; other capitals (a unit code "ENG") stay as typed. */
const ENUM_FIELDS = new Set(["status", "health", "suggestedHealth", "role", "category", "kind", "vacancy", "priority"]);

/** "ON_TRACK" → "On track". */
function enumWords(value: string): string {
  const words = value.toLowerCase().replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** One value in words: names for ids, money in the org's currency, dates, yes/no, enum words. */
export function formatFieldValue(
  field: string,
  value: unknown,
  ctx: { currency: string; nameOf: NameOf; siblings: Record<string, unknown> },
): string | null {
  if (value === null || value === undefined || value === "") return null;
  if (field.endsWith("Ids") && Array.isArray(value)) {
    return value.map((v) => (typeof v === "string" ? (ctx.nameOf(v) ?? "a removed record") : String(v))).join(", ") || null;
  }
  if (field.endsWith("Id") && typeof value === "string") {
    const twin = ctx.siblings[`${field.slice(0, -2)}Name`];
    return ctx.nameOf(value) ?? (typeof twin === "string" ? twin : "a removed record");
  }
  if (field.endsWith("Cents") || field === "compensation") {
    const raw = typeof value === "number" ? String(value) : value;
    if (typeof raw === "string" && /^-?\d+$/.test(raw)) return formatMoney(BigInt(raw), ctx.currency);
  }
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "string") {
    if (ISO_DATE.test(value)) {
      const d = new Date(value);
      if (!Number.isNaN(d.getTime()))
        return value.length === 10 || value.endsWith("T00:00:00.000Z") ? dateFormat.format(d) : `${dateTimeFormat.format(d)} UTC`;
    }
    if ((field === "health" || field === "suggestedHealth") && Object.hasOwn(HEALTH_LABELS, value))
      return HEALTH_LABELS[value as keyof typeof HEALTH_LABELS];
    if (ENUM_FIELDS.has(field) && /^[A-Z_]+$/.test(value)) return enumWords(value);
    return value;
  }
  if (field === "percent" && typeof value === "number") return `${value}%`;
  // Plain digits: most numbers here are years, quarters and counts.
  if (typeof value === "number") return String(value);
  if (Array.isArray(value)) return value.length === 0 ? null : `${value.length} item${value.length === 1 ? "" : "s"}`;
  if (typeof value === "object") {
    const o = value as Record<string, unknown>;
    if (typeof o.name === "string") return o.name;
    return JSON.stringify(value);
  }
  return String(value);
}
