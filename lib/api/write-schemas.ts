import { extendZodWithOpenApi } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";

import { HRIS_DATE_FORMATS } from "@/lib/people/hris/parse";

// The bodies of the REST API's writes (lib/api/schemas.ts has the reads). They check the shape
// only: every value is checked again by the UI's own action, which the route calls.

extendZodWithOpenApi(z);

/** PATCH /projects/{id}: the status, with the version in If-Match. */
export const ZProjectPatch = z
  .strictObject({ status: z.enum(["PLANNED", "ACTIVE", "PAUSED", "DONE", "CANCELLED"], { error: "Unknown status." }) })
  .openapi("ProjectPatch");

/** POST /status-updates: the fields of the UI's form, checked again by the same action. */
export const ZStatusUpdatePost = z
  .strictObject({
    projectId: z.string(),
    health: z.enum(["ON_TRACK", "AT_RISK", "OFF_TRACK"]),
    summary: z.string(),
    body: z.string().optional(),
    overrideReason: z.string().optional().openapi({ description: "Required when the health is better than the rules suggest." }),
  })
  .openapi("StatusUpdatePost");

/** PATCH /positions/{id}: the fields to change (the others keep their value), version in If-Match. Never pay. */
export const ZPositionPatch = z
  .strictObject({
    title: z.string().optional(),
    level: z.string().optional(),
    targetStartDate: z.string().nullable().optional().openapi({ format: "date" }),
    budgetFiscalYear: z.number().int().optional(),
    budgetFiscalQuarter: z.number().int().nullable().optional().openapi({ description: "1–4, or null for the whole year." }),
  })
  .openapi("PositionPatch");

/** Ledger lines per JSON import; a larger batch goes as a CSV body (up to the upload limit). */
const IMPORT_JSON_MAX_ROWS = 10_000;

const cell = (description: string) => z.string().min(1, "Required.").max(500).openapi({ description });

/** One ledger line of POST /actuals/imports, the CSV import's columns as fields. */
const ZActualsImportRow = z
  .strictObject({
    date: cell("YYYY-MM-DD"),
    costCentreCode: cell("An open org unit's code."),
    category: cell("PERSONNEL, CONTRACTORS, SOFTWARE, CLOUD, HARDWARE, TRAINING, TRAVEL or OTHER."),
    amount: cell('A decimal string such as "1234.56" (never a JSON number: money is not a float).'),
    vendor: z.string().max(500).optional(),
    memo: z.string().max(1000).optional(),
    externalReference: z.string().max(500).optional().openapi({ description: "A line already imported with it is skipped." }),
  })
  .openapi("ActualsImportRow");

/** POST /actuals/imports as JSON: the rows of one all-or-nothing import. */
export const ZActualsImportBody = z
  .strictObject({
    fileName: z.string().min(1).max(200).optional().openapi({ description: "Shown in the import history (default api.json)." }),
    rows: z.array(ZActualsImportRow).min(1, "Send at least one row.").max(IMPORT_JSON_MAX_ROWS, `At most ${IMPORT_JSON_MAX_ROWS} rows.`),
  })
  .openapi("ActualsImportBody");

export type ActualsImportRow = z.output<typeof ZActualsImportRow>;

export const ZActualsImportResult = z
  .strictObject({
    batchId: z.string(),
    rowCount: z.number().int(),
    insertedCount: z.number().int(),
    skippedCount: z.number().int().openapi({ description: "Lines whose external reference was already imported." }),
    newVendorCount: z.number().int(),
  })
  .openapi("ActualsImportResult");

const ZQueryFlag = z
  .enum(["true", "false"], { error: "Use true or false." })
  .default("false")
  .transform((v) => v === "true");

export const ZPeopleSyncQuery = z
  .strictObject({
    dryRun: ZQueryFlag.openapi({ description: "true: show the joiners, leavers, moves, manager and title changes; change nothing." }),
    dateFormat: z
      .enum(HRIS_DATE_FORMATS, { error: "Use iso (YYYY-MM-DD), us (MM/DD/YYYY) or eu (DD/MM/YYYY)." })
      .default("iso")
      .openapi({ description: "How the file writes its dates; never guessed." }),
    fillPositions: ZQueryFlag.openapi({
      description: "Joiners fill an open position of their unit with the same title (needs positions:write).",
    }),
    leaverVacancy: z.enum(["backfill", "close"], { error: "Use backfill or close." }).default("backfill"),
    effectiveFrom: z
      .string()
      .optional()
      .openapi({ description: "When moves and changes take effect (YYYY-MM-DD, today or earlier); today by default." }),
    name: z.string().max(200).default("hris.csv").openapi({ description: "The file's name, for the audit log." }),
  })
  .openapi("PeopleSyncQuery");

const ZSyncNamed = { row: z.number().int(), employeeId: z.string(), name: z.string() };

export const ZPeopleSyncResult = z
  .strictObject({
    dryRun: z.boolean(),
    shape: z.enum(["bamboohr", "workday", "mapped"]),
    shapeLabel: z.string(),
    columns: z.record(z.string(), z.string()).openapi({ description: "The file's header used for each field." }),
    ignoredColumns: z.array(z.string()).openapi({ description: "Columns not read (nothing beyond the sync's fields is imported)." }),
    effectiveFrom: z.string(),
    joiners: z.array(
      z.strictObject({ ...ZSyncNamed, title: z.string(), unit: z.string(), hireDate: z.string(), position: z.string().nullable() }),
    ),
    leavers: z.array(z.strictObject({ ...ZSyncNamed, personId: z.string(), endDate: z.string(), vacancy: z.enum(["backfill", "close"]) })),
    moves: z.array(z.strictObject({ ...ZSyncNamed, personId: z.string(), from: z.string(), to: z.string() })),
    managerChanges: z.array(z.strictObject({ ...ZSyncNamed, personId: z.string(), from: z.string().nullable(), to: z.string() })),
    titleChanges: z.array(z.strictObject({ ...ZSyncNamed, personId: z.string(), from: z.string(), to: z.string() })),
    linked: z.array(z.strictObject({ ...ZSyncNamed, personId: z.string() })),
    payChanges: z.number().int(),
    unmappedDepartments: z.array(z.strictObject({ department: z.string(), rows: z.array(z.number().int()) })),
    ignoredDepartments: z.array(z.strictObject({ department: z.string(), rows: z.array(z.number().int()) })),
    mappedBy: z.enum(["preset", "saved", "chosen"]).openapi({
      description: "preset: BambooHR/Workday header names; saved: the org's mapping saved for the file's columns.",
    }),
    unresolvedSupervisors: z.array(z.strictObject({ row: z.number().int(), employeeId: z.string(), supervisor: z.string() })),
    skipped: z.array(z.strictObject({ row: z.number().int(), employeeId: z.string(), reason: z.string() })),
    unchanged: z.number().int(),
  })
  .openapi("PeopleSyncResult");
