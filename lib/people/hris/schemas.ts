import { z } from "zod";

import { ZHrisMapping } from "@/lib/people/hris/mapping";
import { HRIS_DATE_FORMATS, type HrisShape } from "@/lib/people/hris/parse";
import { HIRING_PLAN_MAX_CHARS } from "@/lib/security/body-limits";
import { ZCheckbox, ZOptionalDate } from "@/lib/validation";

export const ZHrisSyncInput = z.object({
  fileName: z.string().trim().min(1).max(200).default("hris.csv"),
  csv: z.string().min(1, "Choose the HRIS export (a CSV file).").max(HIRING_PLAN_MAX_CHARS, "The file is too large (2 MB at most)."),
  /**
   * The file's columns and department values (lib/people/hris/mapping.ts). Without one, the org's
   * mapping saved for the file's shape is used, else the BambooHR/Workday header names.
   */
  mapping: ZHrisMapping.optional(),
  /** How the file writes its dates: never guessed. */
  dateFormat: z.enum(HRIS_DATE_FORMATS, { error: "Choose the file's date format." }),
  /** Show what would change, write nothing (but the audit event of the preview). */
  dryRun: ZCheckbox,
  /** Joiners fill an open or backfill position of their unit with the same title, when there is one. */
  fillPositions: ZCheckbox,
  /** What a leaver's seat becomes: a backfill to hire into (the departure rule), or closed. */
  leaverVacancy: z.enum(["backfill", "close"], { error: "Choose backfill or close." }).default("backfill"),
  /** When moves, manager and title changes take effect; today when blank. */
  effectiveFrom: ZOptionalDate("effective date"),
});

type Named = { row: number; employeeId: string; name: string };

/** What a sync found (a dry run) or did (an apply): people by name, never pay. */
export type HrisSyncResult = {
  dryRun: boolean;
  shape: HrisShape;
  shapeLabel: string;
  columns: Record<string, string>;
  ignoredColumns: string[];
  effectiveFrom: string;
  joiners: (Named & { title: string; unit: string; hireDate: string; position: string | null })[];
  leavers: (Named & { personId: string; endDate: string; vacancy: "backfill" | "close" })[];
  moves: (Named & { personId: string; from: string; to: string })[];
  managerChanges: (Named & { personId: string; from: string | null; to: string })[];
  titleChanges: (Named & { personId: string; from: string; to: string })[];
  /** People found by work email and linked to their employee id. */
  linked: (Named & { personId: string })[];
  /** How many people's pay changes (a pay column, read only from pay readers). */
  payChanges: number;
  unmappedDepartments: { department: string; rows: number[] }[];
  /** Departments the mapping ignores: their people stay where they are, their joiners are skipped. */
  ignoredDepartments: { department: string; rows: number[] }[];
  /** Where the columns came from: a preset's header names, the org's saved mapping, or the one sent. */
  mappedBy: "preset" | "saved" | "chosen";
  unresolvedSupervisors: { row: number; employeeId: string; supervisor: string }[];
  skipped: { row: number; employeeId: string; reason: string }[];
  unchanged: number;
};
