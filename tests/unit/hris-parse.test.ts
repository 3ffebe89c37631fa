import { readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { parseHrisCsv, parseHrisDate } from "@/lib/people/hris/parse";

const fixture = (name: string) => readFileSync(path.resolve(import.meta.dirname, "../fixtures/hris", name), "utf8");

describe("HRIS export parsing", () => {
  it("reads a BambooHR employee directory, ignoring and listing the columns it does not use", () => {
    const file = parseHrisCsv(fixture("bamboohr-directory.csv"), "us", "USD");
    expect(file.errors).toEqual([]);
    expect(file.shape).toBe("bamboohr");
    expect(file.columns).toMatchObject({
      employeeId: "Employee #",
      firstName: "First Name",
      hireDate: "Hire Date",
      supervisorId: "Supervisor EID",
    });
    expect(file.ignored).toEqual(["Division", "Location", "Date of Birth", "SSN", "Home Phone"]);
    expect(file.rows).toHaveLength(4);
    expect(file.rows[2]).toEqual({
      row: 4,
      employeeId: "1003",
      name: "John Smith, Jr.",
      email: "john@example.com",
      title: "Product Designer",
      department: "Design",
      supervisorId: "1001",
      supervisorEmail: "ada@example.com",
      hireDate: "2026-11-03",
      terminationDate: null,
      payCents: null,
    });
    expect(file.rows[3].terminationDate).toBe("2026-12-31");
    // Nothing sensitive travels on a row.
    expect(JSON.stringify(file.rows, (_k, v) => (typeof v === "bigint" ? String(v) : v))).not.toMatch(/123-45|1985/);
  });

  it("reads a Workday custom report (BOM, CRLF), preferring Business_Title and reading pay with its currency", () => {
    const file = parseHrisCsv(fixture("workday-report.csv"), "iso", "USD");
    expect(file.errors).toEqual([]);
    expect(file.shape).toBe("workday");
    expect(file.columns).toMatchObject({ employeeId: "Employee_ID", name: "Worker", title: "Business_Title", pay: "Annual_Base_Pay" });
    expect(file.ignored).toEqual(["Job_Title", "Home_Address", "Gender", "Ethnicity"]);
    expect(file.rows.map((r) => [r.employeeId, r.title, r.payCents])).toEqual([
      ["W-001", "VP Engineering", 25_000_000n],
      ["W-002", "Staff Engineer", 18_500_000n],
      ["W-004", "Engineer", 12_000_000n],
    ]);
    expect(file.rows[1]).toMatchObject({ supervisorId: "W-001", department: "Platform", hireDate: "2022-07-15" });
  });

  it("never guesses a date format: US dates read as ISO are row-numbered errors naming the column", () => {
    const file = parseHrisCsv(fixture("bamboohr-directory.csv"), "iso", "USD");
    expect(file.rows).toEqual([]);
    expect(file.errors[0]).toBe('Row 2: Hire Date "03/01/2021" is not a YYYY-MM-DD date (the format chosen)');
    expect(file.errors).toHaveLength(4);
  });

  it("reads the same day in US and EU formats, and refuses impossible dates", () => {
    expect(parseHrisDate("11/03/2026", "us")).toBe("2026-11-03");
    expect(parseHrisDate("11/03/2026", "eu")).toBe("2026-03-11");
    expect(parseHrisDate("02/30/2026", "us")).toBeNull();
    expect(parseHrisDate("2026-13-01", "iso")).toBeNull();
  });

  it("names every bad row and what is wrong with it", () => {
    const csv = [
      "Employee_ID,Worker,Business_Title,Supervisory_Organization,Primary_Work_Email,Manager_ID,Hire_Date,Termination_Date,Annual_Base_Pay",
      "W-1,Ada,VP,Eng,ada@example.com,,2021-03-01,,100",
      "W-1,Bob,Engineer,Eng,not-an-email,W-9,2021-03-01,2020-01-01,12 EUR",
      ",Cy,Engineer,,cy@example.com,,,,-5",
      "W-3,Dee,Engineer,Eng,dee@example.com,W-3,2022-01-01,,",
    ].join("\n");
    const file = parseHrisCsv(csv, "iso", "USD");
    expect(file.rows.map((r) => r.employeeId)).toEqual(["W-1"]);
    expect(file.errors).toEqual([
      'Row 3: Employee_ID "W-1" is also on row 2; Primary_Work_Email "not-an-email" is not an email address; Termination_Date is before Hire_Date; pay "12 EUR" is in EUR, not the org\'s currency USD',
      'Row 4: Employee_ID is empty; Supervisory_Organization is empty; Hire_Date is empty; pay "-5" is not an annual amount (e.g. 85000.00)',
      "Row 5: Manager_ID is the employee's own id",
    ]);
  });

  it("refuses a header without the required columns, naming the names it accepts", () => {
    const file = parseHrisCsv("Employee #,Name,Job Title\n1,Ada,VP\n", "iso", "USD");
    expect(file.errors).toEqual([
      'The header names no column for: department ("Department"); hire date ("Hire Date" or "Original Hire Date").',
    ]);
  });
});
