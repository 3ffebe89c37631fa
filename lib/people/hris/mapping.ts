import { z } from "zod";

import { headerKey } from "@/lib/imports/ledger-mapping";
import { HRIS_DATE_FORMATS, HRIS_FIELD_LABELS, HRIS_FIELDS, type HrisField, recogniseHrisColumns } from "@/lib/people/hris/parse";

// An HRIS export's column mapping: which of the file's columns holds each sync field, and what
// its department values mean in Keel (a cost centre, or "ignore"). Saved per org and file shape
// like a ledger mapping (ImportMapping, kind PEOPLE, the header signature of lib/imports) and
// offered again for the next file of that shape. The BambooHR and Workday header tables are its
// presets; other header names are suggested from the common names below.

/** A department mapped to "ignore": its people stay where they are and its joiners are not added. */
export const HRIS_IGNORE = "IGNORE";

const ZColumn = z.string().trim().max(200).optional();

export const ZHrisMapping = z
  .object({
    /** How the browser decoded the file (sent as text); kept to decode the next such file alike. */
    encoding: z.enum(["utf-8", "windows-1252"]).default("utf-8"),
    columns: z.object(Object.fromEntries(HRIS_FIELDS.map((f) => [f, ZColumn])) as Record<HrisField, typeof ZColumn>),
    departments: z
      .array(z.object({ value: z.string().trim().min(1).max(200), code: z.string().trim().min(1).max(100) }))
      .max(2000, "At most 2,000 department mappings.")
      .default([]),
  })
  .superRefine((m, ctx) => {
    const seen = new Map<string, HrisField>();
    for (const field of HRIS_FIELDS) {
      const name = m.columns[field];
      if (!name) continue;
      const prior = seen.get(headerKey(name));
      if (prior)
        ctx.addIssue({
          code: "custom",
          path: ["columns", field],
          message: `Column "${name}" is already mapped to ${HRIS_FIELD_LABELS[prior]}.`,
        });
      else seen.set(headerKey(name), field);
    }
  });
export type HrisMapping = z.output<typeof ZHrisMapping>;
export type HrisMappingInput = z.input<typeof ZHrisMapping>;

/** What an org saves for a file shape: the mapping and the date format chosen with it. */
export const ZSavedHrisMapping = ZHrisMapping.and(z.object({ dateFormat: z.enum(HRIS_DATE_FORMATS) }));

/** Header names other HRIS exports use, for suggestions only (a preset reads none of them). */
const COMMON_NAMES: Record<HrisField, readonly string[]> = {
  employeeId: ["Employee ID", "Employee Number", "Employee No", "Staff ID", "Staff Number", "Person ID", "Worker ID", "ID"],
  name: ["Name", "Full Name", "Employee Name", "Preferred Full Name", "Display Name"],
  firstName: ["First Name", "Given Name", "Forename"],
  lastName: ["Last Name", "Surname", "Family Name"],
  email: ["Work Email", "Email", "Email Address", "Work Email Address", "Business Email"],
  title: ["Job Title", "Title", "Position", "Role", "Job"],
  department: ["Department", "Dept", "Team", "Cost Centre", "Cost Center", "Division"],
  supervisorId: ["Manager ID", "Manager Employee Number", "Line Manager ID", "Reports To ID", "Supervisor ID"],
  supervisorEmail: ["Manager Email", "Line Manager Email", "Manager Email Address", "Reports To Email", "Supervisor Email"],
  hireDate: ["Start Date", "Hire Date", "Join Date", "Joining Date", "Joined", "Employment Start Date"],
  terminationDate: ["Leaving Date", "Leave Date", "End Date", "Termination Date", "Last Day", "Employment End Date"],
  pay: ["Salary", "Annual Salary", "Base Salary", "Annual Pay"],
};

/**
 * Suggested columns for a header: a preset's own names first, then common names. A lone first-name
 * column (e.g. "Preferred Name") with no last-name column is suggested as the full name.
 */
export function suggestHrisColumns(header: readonly string[]): Partial<Record<HrisField, string>> {
  const { columns } = recogniseHrisColumns(header);
  const taken = new Set(Object.values(columns).map((n) => headerKey(n!)));
  for (const field of HRIS_FIELDS) {
    if (columns[field]) continue;
    for (const name of COMMON_NAMES[field]) {
      const found = header.find((h) => headerKey(h) === headerKey(name) && !taken.has(headerKey(h)));
      if (found) {
        columns[field] = found.trim();
        taken.add(headerKey(found));
        break;
      }
    }
  }
  if (!columns.name && columns.firstName && !columns.lastName) {
    columns.name = columns.firstName;
    delete columns.firstName;
  }
  return columns;
}

/** A preset: the file's columns its header names pick, offered as a mapping to confirm. */
export const HRIS_PRESETS = [
  { id: "bamboohr", name: "BambooHR — employee directory", sample: "/samples/hris-bamboohr-directory.csv" },
  { id: "workday", name: "Workday — custom report", sample: "/samples/hris-workday-report.csv" },
  { id: "generic", name: "Another HRIS — map the columns", sample: "/samples/hris-other-export.csv" },
] as const;
