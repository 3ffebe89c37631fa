import { fieldLabel, formatFieldValue, isPayEvent, isPayField, isShownField, type NameOf } from "@/lib/audit/fields";
import { recordPath, recordTypeLabel } from "@/lib/audit/records";
import { auditSentence } from "@/lib/audit/sentences";

// An audit event as a sentence with names and links (pure: the viewer, the History sections and
// the export's summary column use it; unit-tested). Names come resolved from the database.

/** What the database resolved an id to: its record type, its name, and the project it belongs to. */
export type ResolvedName = { type: string; name: string; projectId: string | null };

export type RawAuditEvent = {
  id: string;
  at: Date;
  actor: { id: string; name: string; email: string } | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
};

type SentencePart = { text: string; href?: string };
export type ShownChange = { field: string; label: string; before: string | null; after: string | null };

export type AuditEntryDto = {
  id: string;
  at: string;
  actor: { id: string; name: string; email: string } | null;
  action: string;
  actionLabel: string;
  record: { type: string; typeLabel: string; id: string; name: string; href: string | null };
  /** After the actor's name: "posted an update on ", {ERP Connector, href}, ": Health On track → At risk". */
  sentence: SentencePart[];
  /** Changed fields not already in the sentence. */
  changes: ShownChange[];
  /** Some fields were withheld because the reader may not read pay. */
  payWithheld: boolean;
};

export type PresentContext = { orgSlug: string; currency: string; readsPay: boolean; names: ReadonlyMap<string, ResolvedName> };

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** The event's before/after with pay removed for a reader without pay access (also for the CSV). */
export function withoutPay(
  entityType: string,
  before: unknown,
  after: unknown,
  readsPay: boolean,
): { before: unknown; after: unknown; withheld: boolean } {
  if (readsPay) return { before, after, withheld: false };
  const payEvent = isPayEvent(entityType, before, after);
  let withheld = false;
  const strip = (value: unknown) => {
    if (!value || typeof value !== "object" || Array.isArray(value)) return value;
    const kept = Object.entries(value as Record<string, unknown>).filter(([k]) => {
      const pay = isPayField(k) || (payEvent && k.endsWith("Cents"));
      if (pay) withheld = true;
      return !pay;
    });
    return Object.fromEntries(kept);
  };
  return { before: strip(before), after: strip(after), withheld };
}

function href(ctx: PresentContext, path: string | null): string | undefined {
  return path ? `/${ctx.orgSlug}${path}` : undefined;
}

function linkTo(ctx: PresentContext, id: string): SentencePart | null {
  const r = ctx.names.get(id);
  if (!r) return null;
  return { text: r.name, href: href(ctx, recordPath(r.type, id, r.projectId)) };
}

function recordOf(ctx: PresentContext, e: RawAuditEvent, b: Record<string, unknown>, a: Record<string, unknown>): AuditEntryDto["record"] {
  const typeLabel = recordTypeLabel(e.entityType);
  const resolved = ctx.names.get(e.entityId);
  const projectId = resolved?.projectId ?? (typeof (a.projectId ?? b.projectId) === "string" ? String(a.projectId ?? b.projectId) : null);
  const projectExists = projectId !== null && ctx.names.has(projectId);
  const own = (k: string) => (typeof a[k] === "string" ? (a[k] as string) : typeof b[k] === "string" ? (b[k] as string) : null);
  const userId = own("userId");
  const name =
    resolved?.name ??
    own("name") ??
    own("title") ??
    own("fileName") ??
    (userId ? ctx.names.get(userId)?.name : undefined) ??
    own("email") ??
    (/^FY\d{4}$/.test(e.entityId) ? e.entityId : `a removed ${typeLabel.toLowerCase()}`);
  // A link only to a page that still exists: the record itself, or its project for an update or milestone.
  const exists =
    resolved !== undefined || (projectExists && ["StatusUpdate", "Milestone", "ProjectDependency", "Allocation"].includes(e.entityType));
  return {
    type: e.entityType,
    typeLabel,
    id: e.entityId,
    name,
    href: exists ? (href(ctx, recordPath(e.entityType, e.entityId, projectId)) ?? null) : null,
  };
}

function changedFields(
  b: Record<string, unknown>,
  a: Record<string, unknown>,
  ctx: PresentContext,
  skip: ReadonlySet<string>,
): ShownChange[] {
  const out: ShownChange[] = [];
  for (const field of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (skip.has(field) || JSON.stringify(b[field] ?? null) === JSON.stringify(a[field] ?? null)) continue;
    if (!isShownField(field, ctx.readsPay, Object.hasOwn(a, field) ? a : b)) continue;
    const before = formatFieldValue(field, b[field], { currency: ctx.currency, nameOf: nameOf(ctx), siblings: b });
    const after = formatFieldValue(field, a[field], { currency: ctx.currency, nameOf: nameOf(ctx), siblings: a });
    if (before !== after) out.push({ field, label: fieldLabel(field), before, after });
  }
  return out;
}

const nameOf =
  (ctx: PresentContext): NameOf =>
  (id) =>
    ctx.names.get(id)?.name ?? null;

function describeChange(c: ShownChange): string {
  if (c.before === null) return `${c.label} ${c.after}`;
  if (c.after === null) return `${c.label} was ${c.before}`;
  return `${c.label} ${c.before} → ${c.after}`;
}

export function presentAuditEvent(e: RawAuditEvent, ctx: PresentContext): AuditEntryDto {
  const visible = withoutPay(e.entityType, e.before, e.after, ctx.readsPay);
  const b = asRecord(visible.before);
  const a = asRecord(visible.after);
  const record = recordOf(ctx, e, b, a);
  const sentence = auditSentence(e.action);

  // The template's placeholders become text and links; the fields they name are in the sentence.
  const inSentence = new Set<string>();
  const parts: SentencePart[] = [];
  const template = sentence.template.split(/(\{[a-z]+\})/);
  for (const piece of template) {
    const key = /^\{([a-z]+)\}$/.exec(piece)?.[1];
    if (!key) {
      if (piece) parts.push({ text: piece });
      continue;
    }
    if (key === "record") {
      parts.push(record.href ? { text: record.name, href: record.href } : { text: record.name });
      continue;
    }
    const idField = `${key}Id`;
    const id = a[idField] ?? b[idField];
    inSentence.add(idField);
    if (typeof id === "string") {
      const fallback = formatFieldValue(idField, id, {
        currency: ctx.currency,
        nameOf: nameOf(ctx),
        siblings: Object.hasOwn(a, idField) ? a : b,
      });
      parts.push(linkTo(ctx, id) ?? { text: fallback ?? "a removed record" });
    } else if (typeof (a[key] ?? b[key]) === "string") {
      inSentence.add(key);
      parts.push({ text: String(a[key] ?? b[key]) });
    }
  }

  let changes = changedFields(b, a, ctx, inSentence);
  const headline = sentence.headline ? changes.filter((c) => sentence.headline!.includes(c.field)) : changes.length === 1 ? changes : [];
  // A headline field that kept its value is still said ("posted an update …: Health At risk").
  const kept = (sentence.headline ?? []).flatMap((field) => {
    if (headline.some((c) => c.field === field) || !isShownField(field, ctx.readsPay, a)) return [];
    const value = formatFieldValue(field, a[field], { currency: ctx.currency, nameOf: nameOf(ctx), siblings: a });
    return value === null ? [] : [`${fieldLabel(field)} ${value}`];
  });
  if (headline.length || kept.length) {
    parts.push({ text: `: ${[...headline.map(describeChange), ...kept].join("; ")}` });
    changes = changes.filter((c) => !headline.includes(c));
  }
  return {
    id: e.id,
    at: e.at.toISOString(),
    actor: e.actor,
    action: e.action,
    actionLabel: sentence.label,
    record,
    sentence: parts,
    changes,
    payWithheld: visible.withheld,
  };
}

/** The sentence as plain text, with the actor: for the CSV summary column and accessible names. */
export function sentenceText(entry: Pick<AuditEntryDto, "actor" | "sentence">): string {
  return `${entry.actor?.name ?? "Someone"} ${entry.sentence.map((p) => p.text).join("")}`;
}
