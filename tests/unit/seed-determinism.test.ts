import { describe, expect, it } from "vitest";

import { buildAcme } from "@/lib/seed/demo-org";
import { buildGlobex } from "@/lib/seed/globex";
import type { DemoUsers } from "@/lib/seed/users";

// The demo is the same for the same day: built twice, the two orgs differ only in their
// generated ids (replaced here by the order in which each id first appears).

const users = (): DemoUsers => ({
  director: "u-director",
  manager: "u-manager",
  finance: "u-finance",
  viewer: "u-viewer",
  admin: "u-admin",
  globexDirector: "u-globex",
  existing: new Map(),
});

function canonical(value: unknown): string {
  const ids = new Map<string, string>();
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === "bigint") return `${v}n`;
    if (typeof v === "string" && uuid.test(v)) {
      if (!ids.has(v)) ids.set(v, `id${ids.size}`);
      return ids.get(v);
    }
    return v;
  });
}

describe("demo seed", () => {
  it("builds the same orgs for the same day, and different ones for another day", () => {
    const day = new Date("2026-12-06T00:00:00Z");
    const a = canonical([buildAcme(day, users()), buildGlobex(day, users())]);
    const b = canonical([buildAcme(day, users()), buildGlobex(day, users())]);
    expect(a).toBe(b);
    expect(canonical([buildAcme(new Date("2026-12-07T00:00:00Z"), users())])).not.toBe(canonical([buildAcme(day, users())]));
  });

  it("reuses an existing login of a lead instead of creating a second one", () => {
    const day = new Date("2026-12-06T00:00:00Z");
    const fresh = buildAcme(day, users());
    const taken = fresh.accounts[0];
    const again = buildAcme(day, { ...users(), existing: new Map([[taken.email, "u-existing"]]) });
    expect(again.accounts.map((a) => a.email)).not.toContain(taken.email);
    expect(again.accounts).toHaveLength(fresh.accounts.length - 1);
    expect(again.memberships.some((m) => m.userId === "u-existing")).toBe(true);
    expect(again.people.find((p) => p.email === taken.email)?.userId).toBe("u-existing");
  });
});
