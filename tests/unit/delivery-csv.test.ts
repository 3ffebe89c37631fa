import { describe, expect, it } from "vitest";

import { readCsv } from "@/lib/delivery-signals/csv-table";
import { updateDraft } from "@/lib/delivery-signals/draft";
import { parseJiraCsv, parseJiraDate } from "@/lib/delivery-signals/jira-csv";
import { parseLinearCsv, parseLinearDate } from "@/lib/delivery-signals/linear-csv";
import { JIRA_CSV, JIRA_CSV_GERMAN, JIRA_CSV_NUMERIC, LINEAR_CSV } from "@/tests/support/delivery/exports";

const iso = (d: Date | null | "ambiguous") => (d instanceof Date ? d.toISOString() : d);

describe("Jira CSV export", () => {
  it("reads every issue, with repeated Sprint/Labels columns, quoted commas and parents given by id", () => {
    const { records, errors } = parseJiraCsv(readCsv(JIRA_CSV), "auto");
    expect(errors).toEqual([]);
    expect(records.map((r) => r.externalId)).toEqual(["CHK-1", "CHK-2", "CHK-3", "CHK-4"]);
    const [epic, done, open, quoted] = records;
    expect(epic).toMatchObject({ done: false, epicKey: null, status: "In Progress" });
    expect(done).toMatchObject({ done: true, epicKey: "CHK-1", title: "Card form validation" });
    expect(iso(done.doneAt)).toBe("2026-11-12T14:05:00.000Z");
    expect(iso(done.openedAt)).toBe("2026-11-03T10:15:00.000Z");
    expect(open).toMatchObject({ done: false, doneAt: null, epicKey: "CHK-1" });
    expect(quoted.title).toBe('Receipt e-mail, with "quotes"');
  });

  it("reads month names of other languages and the 24-hour clock", () => {
    const { records, errors } = parseJiraCsv(readCsv(JIRA_CSV_GERMAN), "auto");
    expect(errors).toEqual([]);
    expect(iso(records[0].openedAt)).toBe("2026-10-02T10:15:00.000Z");
    expect(iso(records[0].doneAt)).toBe("2026-12-03T08:00:00.000Z");
  });

  it("refuses ambiguous numeric dates until the order is chosen, naming row and column", () => {
    const auto = parseJiraCsv(readCsv(JIRA_CSV_NUMERIC), "auto");
    expect(auto.records).toEqual([]);
    expect(auto.errors[0]).toBe(
      'Row 2, column "Created": "11/03/2026 14:00" could be day/month or month/day; choose the date order of the export.',
    );
    expect(iso(parseJiraCsv(readCsv(JIRA_CSV_NUMERIC), "dmy").records[0].openedAt)).toBe("2026-03-11T14:00:00.000Z");
    expect(iso(parseJiraCsv(readCsv(JIRA_CSV_NUMERIC), "mdy").records[0].openedAt)).toBe("2026-11-03T14:00:00.000Z");
  });

  it.each([
    ["02/Nov/26 10:15 AM", "2026-11-02T10:15:00.000Z"],
    ["02/Nov/26 12:05 AM", "2026-11-02T00:05:00.000Z"],
    ["2/Nov/2026 9:00 PM", "2026-11-02T21:00:00.000Z"],
    ["02.11.26 10:15", "2026-11-02T10:15:00.000Z"],
    ["2026-11-02 10:15", "2026-11-02T10:15:00.000Z"],
    ["02/déc./26 10:15", "2026-12-02T10:15:00.000Z"],
    ["31/Feb/26 10:15 AM", null],
    ["13:00 yesterday", null],
    ["02/Nov/26 13:00 PM", null],
  ])("date %s", (text, expected) => {
    expect(iso(parseJiraDate(text, "auto"))).toBe(expected);
  });

  it("names every bad row and column, and the missing columns of a file that is not an export", () => {
    const bad = `Issue key,Summary,Status,Created\nCHK-1,Ok,Done,02/Nov/26 9:00 AM\nnot a key,Bad,Done,yesterday\n`;
    expect(parseJiraCsv(readCsv(bad), "auto").errors).toEqual([
      'Row 3, column "Issue key": "not a key" is not an issue key (expected e.g. PROJ-12).',
      'Row 3, column "Created": "yesterday" is not a date (expected e.g. 02/Nov/26 10:15 AM or 2026-11-02 10:15).',
    ]);
    expect(parseJiraCsv(readCsv("a,b\n1,2\n"), "auto").errors).toEqual([
      'The file is not a Jira export: missing column(s) "Key", "Summary", "Status", "Created" in row 1.',
    ]);
  });
});

describe("Linear CSV export", () => {
  it("reads its columns, JavaScript dates with offsets, completed and cancelled issues", () => {
    const { records, errors } = parseLinearCsv(readCsv(LINEAR_CSV));
    expect(errors).toEqual([]);
    expect(records.map((r) => [r.externalId, r.done, r.epicKey])).toEqual([
      ["ENG-10", true, "Beta"],
      ["ENG-11", false, "Beta"],
      ["ENG-12", true, null],
    ]);
    expect(iso(records[1].openedAt)).toBe("2026-11-09T09:00:00.000Z");
    expect(iso(records[2].doneAt)).toBe("2026-11-11T10:00:00.000Z");
  });

  it("parses ISO and refuses other text", () => {
    expect(iso(parseLinearDate("2026-11-04T09:00:00.000Z"))).toBe("2026-11-04T09:00:00.000Z");
    expect(parseLinearDate("Someday")).toBeNull();
    const bad = `"ID","Title","Status","Created"\n"ENG-1","x","Todo","soon"\n`;
    expect(parseLinearCsv(readCsv(bad)).errors).toEqual([
      'Row 2, column "Created": "soon" is not a date (expected e.g. Wed May 13 2026 11:21:41 GMT+0000).',
    ]);
  });
});

describe("the weekly update's draft", () => {
  it("lists done and next items, escaping markup in titles", () => {
    const draft = updateDraft({
      done: [{ externalId: "acme/shop#42", title: "Add [card](http://x) form", kind: "PULL_REQUEST" }],
      next: [{ externalId: "CHK-3", title: "Refund API", kind: "ISSUE" }],
    });
    expect(draft).toBe("**Done**\n- PR acme/shop#42 Add \\[card\\](http://x) form\n\n**Next**\n- CHK-3 Refund API\n\n**Risks**\n- ");
    expect(updateDraft({ done: [], next: [] })).toBeNull();
  });
});
