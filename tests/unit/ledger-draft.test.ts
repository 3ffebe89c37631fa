import { describe, expect, it } from "vitest";

import { type Draft, emptyDraft, readDraft, savedDraft, withCentre, withNewUnit } from "@/components/imports/ledger-draft";
import type { LedgerMapping } from "@/lib/imports/ledger-mapping";

// The import wizard's draft of a department value mapped to "Create a new unit": what it sends,
// to whom it is offered, and how a saved mapping's new unit comes back.

const UNITS = [{ id: "u-plat", code: "ENG-PLAT", name: "Platform" }];
const PLATFORM = { id: "u-plat", name: "Platform", title: "ENG-PLAT" };
const FILE_CENTRES = ["R&D", "Lab"];
const apply = (d: Draft, change: Partial<Draft>): Draft => ({ ...d, ...change });
// As in the wizard, the first rows' values the draft does not hold yet.
const read = (d: Draft, canCreateUnits: boolean) =>
  readDraft(d, "utf-8", { accounts: [], centres: FILE_CENTRES.filter((v) => !d.centres.has(v.toLowerCase())) }, UNITS, canCreateUnits);

describe("a department value mapped to a new unit", () => {
  it("starts as a team named and coded from the value, and is sent with its parent", () => {
    let d = apply(emptyDraft(), withNewUnit(emptyDraft(), "Research : R&D"));
    expect(d.centres.get("research : r&d")?.create).toEqual({ parent: null, kind: "TEAM", name: "R&D", code: "R-D" });
    d = apply(d, withNewUnit(d, "Research : R&D", { parent: PLATFORM, kind: "OTHER", name: "R and D", code: "RND" }));
    const values = read(d, true);
    expect(values.mapping.costCentres).toContainEqual({
      value: "Research : R&D",
      code: "RND",
      create: { parentId: "u-plat", name: "R and D", kind: "OTHER" },
    });
    expect(values.newUnits.map((u) => u.code)).toEqual(["RND"]);
  });

  it("counts as mapped; another value may map onto its code without creating it again", () => {
    let d = apply(emptyDraft(), withNewUnit(emptyDraft(), "R&D"));
    expect(read(d, true).unmappedCount).toBe(1); // "Lab" only
    d = apply(d, withCentre(d, "Lab", "R-D"));
    const values = read(d, true);
    expect(values.unmappedCount).toBe(0);
    expect(values.mapping.costCentres.filter((c) => c.create).map((c) => c.value)).toEqual(["R&D"]);
    expect(values.mapping.costCentres).toContainEqual({ value: "Lab", code: "R-D" });
  });

  it("is never sent by a member who may not create units: the value is unmapped", () => {
    const d = apply(emptyDraft(), withNewUnit(emptyDraft(), "R&D"));
    const values = read(d, false);
    expect(values.newUnit("R&D")).toBeUndefined();
    expect(values.centreChoice("R&D")).toBe("");
    expect(values.mapping.costCentres.some((c) => c.value === "R&D")).toBe(false);
    expect(values.unmappedCount).toBe(2);
  });

  it("comes back from a saved mapping with its parent named from the org's units", () => {
    const mapping = {
      costCentres: [
        { value: "R&D", code: "R-D", create: { parentId: "u-plat", name: "R&D", kind: "GROUP" } },
        { value: "Gone", code: "GONE", create: { parentId: "u-closed", name: "Gone", kind: "TEAM" } },
      ],
      columns: { date: "Date" },
      accounts: [],
      rates: [],
    } as unknown as LedgerMapping;
    const d = savedDraft({ id: "m", signature: "", header: [], mapping, updatedAt: "" }, UNITS);
    expect(d.centres.get("r&d")).toEqual({
      value: "R&D",
      code: "R-D",
      create: { parent: PLATFORM, name: "R&D", code: "R-D", kind: "GROUP" },
    });
    expect(d.centres.get("gone")?.create?.parent).toBeNull();
  });
});
