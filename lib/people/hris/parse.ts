import Papa from "papaparse";

import { parseIsoDate } from "@/lib/fiscal";
import { headerKey } from "@/lib/imports/ledger-mapping";
import { parseMoneyToCents } from "@/lib/money";

// An HRIS employee export (BambooHR's employee directory / custom report, a Workday custom
// report) read into the few fields a people sync uses. A column is recognised by its header
// name from a small table per field and per shape; every other column is ignored and listed, so
// no sensitive field beyond these (home address, birth date, SSN…) is ever read. A file in any
// other shape is read through a column mapping (mapping.ts) instead of the header names. Dates are
// read in the format the caller states, never guessed. Pure: the sync (sync.ts) decides what the
// rows mean for the org's people.

export const HRIS_FIELDS = [
  "employeeId",
  "name",
  "firstName",
  "lastName",
  "email",
  "title",
  "department",
  "supervisorId",
  "supervisorEmail",
  "hireDate",
  "terminationDate",
  "pay",
] as const;
export type HrisField = (typeof HRIS_FIELDS)[number];

const HRIS_SHAPES = ["bamboohr", "workday"] as const;
type PresetShape = (typeof HRIS_SHAPES)[number];
/** A preset recognised by its header names, or a file read through a column mapping. */
export type HrisShape = PresetShape | "mapped";

export const HRIS_SHAPE_LABELS: Record<HrisShape, string> = {
  bamboohr: "BambooHR employee directory",
  workday: "Workday custom report",
  mapped: "Your column mapping",
};

/** Accepted header names per field and shape, in order of preference within a field. */
const HRIS_HEADERS: Record<HrisField, Record<PresetShape, readonly string[]>> = {
  employeeId: { bamboohr: ["Employee #", "Employee Number", "EEID"], workday: ["Employee_ID", "Employee ID", "Worker_ID"] },
  name: { bamboohr: ["Name", "Full Name", "Display Name"], workday: ["Worker", "Full_Name", "Preferred_Name", "Legal_Name"] },
  firstName: { bamboohr: ["First Name", "Preferred Name"], workday: ["First_Name", "Preferred_First_Name", "Legal_First_Name"] },
  lastName: { bamboohr: ["Last Name"], workday: ["Last_Name", "Legal_Last_Name"] },
  email: { bamboohr: ["Work Email"], workday: ["Primary_Work_Email", "Email_-_Work", "Work_Email", "Email_Address"] },
  title: { bamboohr: ["Job Title"], workday: ["Business_Title", "Job_Title", "Position_Title"] },
  department: { bamboohr: ["Department"], workday: ["Supervisory_Organization", "Department", "Cost_Center"] },
  supervisorId: { bamboohr: ["Supervisor EID", "Supervisor Employee #", "Reports To EID"], workday: ["Manager_ID", "Manager_Employee_ID"] },
  supervisorEmail: { bamboohr: ["Supervisor Email"], workday: ["Manager_Email", "Manager_Work_Email"] },
  hireDate: { bamboohr: ["Hire Date", "Original Hire Date"], workday: ["Hire_Date", "Original_Hire_Date", "Start_Date"] },
  terminationDate: { bamboohr: ["Termination Date"], workday: ["Termination_Date"] },
  pay: { bamboohr: ["Annual Salary", "Pay Rate"], workday: ["Annual_Base_Pay", "Total_Base_Pay_Annualized", "Annual_Salary"] },
};

export const HRIS_FIELD_LABELS: Record<HrisField, string> = {
  employeeId: "employee id",
  name: "name",
  firstName: "first name",
  lastName: "last name",
  email: "work email",
  title: "job title",
  department: "department",
  supervisorId: "supervisor id",
  supervisorEmail: "supervisor email",
  hireDate: "hire date",
  terminationDate: "termination date",
  pay: "pay",
};

export const HRIS_DATE_FORMATS = ["iso", "us", "eu"] as const;
export type HrisDateFormat = (typeof HRIS_DATE_FORMATS)[number];
const HRIS_DATE_FORMAT_LABELS: Record<HrisDateFormat, string> = { iso: "YYYY-MM-DD", us: "MM/DD/YYYY", eu: "DD/MM/YYYY" };

export type HrisRow = {
  /** Spreadsheet row number: the header is row 1. */
  row: number;
  employeeId: string;
  name: string;
  email: string | null;
  title: string;
  department: string;
  supervisorId: string | null;
  supervisorEmail: string | null;
  hireDate: string;
  terminationDate: string | null;
  /** Annual pay in minor units; only when the file has a pay column. */
  payCents: bigint | null;
};

export type HrisFile = {
  shape: HrisShape;
  /** The file's header name used for each recognised field. */
  columns: Partial<Record<HrisField, string>>;
  /** Columns not read, by their header names. */
  ignored: string[];
  rows: HrisRow[];
  /** "Row N: …" for each bad row, or what is wrong with the file as a whole. */
  errors: string[];
};

const HRIS_MAX_ROWS = 20_000;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

// Header names are compared as every mapped import compares them (headerKey), so a preset's names,
// a saved mapping's columns and the file's shape signature all agree on what one column is.
const BY_NAME = new Map<string, HrisField>();
for (const field of HRIS_FIELDS) {
  for (const shape of HRIS_SHAPES)
    for (const name of HRIS_HEADERS[field][shape]) if (!BY_NAME.has(headerKey(name))) BY_NAME.set(headerKey(name), field);
}

/** The date in `format`, as YYYY-MM-DD, or null when it is not a real date in that format. */
export function parseHrisDate(value: string, format: HrisDateFormat): string | null {
  const s = value.trim();
  let iso: string;
  if (format === "iso") iso = s;
  else {
    const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
    if (!m) return null;
    const [a, b, year] = [m[1].padStart(2, "0"), m[2].padStart(2, "0"), m[3]];
    iso = format === "us" ? `${year}-${a}-${b}` : `${year}-${b}-${a}`;
  }
  return parseIsoDate(iso) ? iso : null;
}

/** Annual pay: an amount with optional thousands separators and an optional currency code. */
function parsePay(value: string, currency: string): bigint | string {
  const m = /^(.*?)\s*([A-Za-z]{3})?$/.exec(value.trim());
  const code = m?.[2]?.toUpperCase();
  if (code && code !== currency.toUpperCase()) return `pay "${clip(value)}" is in ${code}, not the org's currency ${currency}`;
  const cents = parseMoneyToCents(m?.[1] ?? "");
  if (cents === null || cents < 0n) return `pay "${clip(value)}" is not an annual amount (e.g. 85000.00)`;
  return cents;
}

const clip = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);

/** Which shape the header is: the one whose own names it uses most (ties go to the first). */
function shapeOf(headers: readonly string[]): PresetShape {
  const exact = new Set(
    headers.map((h) =>
      h
        .replace(/^\uFEFF/, "")
        .trim()
        .toLowerCase(),
    ),
  );
  const score = (shape: PresetShape) =>
    HRIS_FIELDS.reduce((n, f) => n + HRIS_HEADERS[f][shape].filter((name) => exact.has(name.toLowerCase())).length, 0);
  return score("workday") > score("bamboohr") ? "workday" : "bamboohr";
}

// One reading of an HRIS file's rows for the browser's preview, the shape signature and the sync:
// blank lines skipped, so a file that starts with one has the same header (and signature) in each.
const CSV_OPTIONS = { header: false, skipEmptyLines: "greedy" } as const;
const withoutBom = (text: string) => text.replace(/^\uFEFF/, "");

/** The file's rows, the header first (a BOM dropped, blank lines skipped). */
export function hrisRows(text: string): string[][] {
  return Papa.parse<string[]>(withoutBom(text), CSV_OPTIONS).data;
}

/** The file's header row, as written (its first non-blank row, cells trimmed), without reading the rest. */
export function hrisHeader(text: string): string[] {
  let header: string[] = [];
  Papa.parse<string[]>(withoutBom(text), {
    ...CSV_OPTIONS,
    step: (row, parser) => {
      header = row.data;
      parser.abort();
    },
  });
  return header.map((h) => h.trim());
}

/** The columns a preset's header names pick out of a header, and the shape they belong to. */
export function recogniseHrisColumns(headers: readonly string[]): { shape: PresetShape; columns: Partial<Record<HrisField, string>> } {
  const shape = shapeOf(headers);
  const columns: Partial<Record<HrisField, string>> = {};
  // Within a field, the header named earlier in the table wins; the other columns are ignored.
  const rank = (field: HrisField, header: string) => {
    const names = [...HRIS_HEADERS[field][shape], ...HRIS_HEADERS[field][shape === "bamboohr" ? "workday" : "bamboohr"]].map(headerKey);
    return names.indexOf(headerKey(header));
  };
  for (const raw of headers) {
    const header = raw.replace(/^\uFEFF/, "").trim();
    const field = BY_NAME.get(headerKey(header));
    if (field && (columns[field] === undefined || rank(field, header) < rank(field, columns[field]))) columns[field] = header;
  }
  return { shape, columns };
}

/**
 * Reads an HRIS export; `currency` is the org's, which pay must be in. Without `mapped` the
 * columns are recognised by a preset's header names; with it, `mapped` names the file's column
 * for each field, and a mapped column the file lacks refuses the file (it has another shape).
 */
export function parseHrisCsv(
  text: string,
  format: HrisDateFormat,
  currency: string,
  mapped?: Partial<Record<HrisField, string>>,
): HrisFile {
  const [headers = [], ...data] = hrisRows(text);
  const recognised = mapped ? null : recogniseHrisColumns(headers);
  const shape: HrisShape = recognised?.shape ?? "mapped";
  const wanted = recognised?.columns ?? mapped!;
  const at: Partial<Record<HrisField, number>> = {};
  const columns: Partial<Record<HrisField, string>> = {};
  const keys = headers.map(headerKey);
  const absent: string[] = [];
  for (const field of HRIS_FIELDS) {
    const name = wanted[field];
    if (!name) continue;
    const exact = headers.findIndex((h) => h.replace(/^\uFEFF/, "").trim() === name);
    const i = exact >= 0 ? exact : keys.indexOf(headerKey(name));
    if (i < 0) absent.push(`"${name}" (${HRIS_FIELD_LABELS[field]})`);
    else {
      at[field] = i;
      columns[field] = headers[i].replace(/^\uFEFF/, "").trim();
    }
  }
  const used = new Set(Object.values(at));
  const ignored = headers.flatMap((h, i) => (used.has(i) || !h.replace(/^\uFEFF/, "").trim() ? [] : [h.replace(/^\uFEFF/, "").trim()]));
  const file: HrisFile = { shape, columns, ignored, rows: [], errors: [] };
  if (absent.length) {
    file.errors.push(
      `The file has no column ${absent.join(", ")} that the mapping names: it has another shape. Map this file's columns again.`,
    );
    return file;
  }
  const names = (field: HrisField) =>
    recognised ? HRIS_HEADERS[field][recognised.shape].map((n) => `"${n}"`).join(" or ") : "map a column to it";
  const missing: string[] = [];
  for (const field of ["employeeId", "title", "department", "hireDate"] as const) {
    if (at[field] === undefined) missing.push(`${HRIS_FIELD_LABELS[field]} (${names(field)})`);
  }
  if (at.name === undefined && (at.firstName === undefined || at.lastName === undefined)) {
    missing.push(
      recognised
        ? `name (${names("name")}, or ${names("firstName")} with ${names("lastName")})`
        : "name (map a column to it, or to both first and last name)",
    );
  }
  if (missing.length) {
    file.errors.push(`The header names no column for: ${missing.join("; ")}.`);
    return file;
  }
  if (data.length > HRIS_MAX_ROWS) {
    file.errors.push(`At most ${HRIS_MAX_ROWS} employees per file.`);
    return file;
  }
  const seenIds = new Map<string, number>();
  const seenEmails = new Map<string, number>();
  data.forEach((cells, index) => {
    const row = index + 2;
    const cell = (field: HrisField) => {
      const i = at[field];
      return i === undefined ? "" : (cells[i] ?? "").trim();
    };
    const problems: string[] = [];
    if (cells.length !== headers.length) problems.push(`has ${cells.length} of the header's ${headers.length} cells`);
    const employeeId = cell("employeeId");
    if (!employeeId) problems.push(`${columns.employeeId} is empty`);
    else if (employeeId.length > 64) problems.push(`${columns.employeeId} is longer than 64 characters`);
    else if (seenIds.has(employeeId))
      problems.push(`${columns.employeeId} "${clip(employeeId)}" is also on row ${seenIds.get(employeeId)}`);
    else seenIds.set(employeeId, row);
    const name = at.name !== undefined ? cell("name") : `${cell("firstName")} ${cell("lastName")}`.trim();
    if (name.length < 2 || name.length > 120) problems.push("the name must be 2–120 characters");
    const email = cell("email").toLowerCase() || null;
    if (email && !EMAIL.test(email)) problems.push(`${columns.email} "${clip(email)}" is not an email address`);
    else if (email && seenEmails.has(email)) problems.push(`${columns.email} "${clip(email)}" is also on row ${seenEmails.get(email)}`);
    else if (email) seenEmails.set(email, row);
    const title = cell("title");
    if (title.length < 2 || title.length > 120) problems.push(`${columns.title} must be 2–120 characters`);
    const department = cell("department");
    if (!department) problems.push(`${columns.department} is empty`);
    const supervisorId = cell("supervisorId") || null;
    if (supervisorId && supervisorId === employeeId) problems.push(`${columns.supervisorId} is the employee's own id`);
    const supervisorEmail = cell("supervisorEmail").toLowerCase() || null;
    if (supervisorEmail && !EMAIL.test(supervisorEmail))
      problems.push(`${columns.supervisorEmail} "${clip(supervisorEmail)}" is not an email address`);
    const dateOf = (field: "hireDate" | "terminationDate") => {
      const raw = cell(field);
      if (!raw) return null;
      const date = parseHrisDate(raw, format);
      if (!date) problems.push(`${columns[field]} "${clip(raw)}" is not a ${HRIS_DATE_FORMAT_LABELS[format]} date (the format chosen)`);
      return date;
    };
    const hireDate = dateOf("hireDate");
    if (!cell("hireDate")) problems.push(`${columns.hireDate} is empty`);
    const terminationDate = dateOf("terminationDate");
    if (hireDate && terminationDate && terminationDate < hireDate)
      problems.push(`${columns.terminationDate} is before ${columns.hireDate}`);
    let payCents: bigint | null = null;
    const payRaw = cell("pay");
    if (payRaw) {
      const pay = parsePay(payRaw, currency);
      if (typeof pay === "string") problems.push(pay);
      else payCents = pay;
    }
    if (problems.length) {
      file.errors.push(`Row ${row}: ${problems.join("; ")}`);
      return;
    }
    file.rows.push({
      row,
      employeeId,
      name,
      email,
      title,
      department,
      supervisorId,
      supervisorEmail,
      hireDate: hireDate!,
      terminationDate,
      payCents,
    });
  });
  if (data.length === 0) file.errors.push("The file has a header but no employees.");
  return file;
}
