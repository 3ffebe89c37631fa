import type { Db } from "@/lib/db-factory";
import { buildAcme } from "@/lib/seed/demo-org";
import { utcMidnight } from "@/lib/seed/dates";
import { buildGlobex } from "@/lib/seed/globex";
import type { OrgSeed } from "@/lib/seed/types";
import { ensureDemoUsers } from "@/lib/seed/users";
import { writeAcmeOrgDesign, writeAcmeScheduledReorg } from "@/lib/seed/org-design";
import { writeOrgSeed } from "@/lib/seed/write";

export type SeedOptions = { today?: Date; log?: (s: string) => void };

/**
 * Seeds the demo orgs (Acme Robotics, Globex) unless "acme" already exists. Everything is laid
 * out relative to `today` and drawn from a seeded PRNG, so the same `today` gives the same demo
 * (ids excepted). One transaction: a failed seed leaves nothing behind.
 */
export async function seedDemo(db: Db, opts: SeedOptions = {}): Promise<{ seeded: boolean }> {
  const log = opts.log ?? (() => {});
  const today = utcMidnight(opts.today ?? new Date());
  if (await db.organization.findUnique({ where: { slug: "acme" }, select: { id: true } })) {
    log("demo org 'acme' already exists: nothing to do");
    return { seeded: false };
  }
  await db.$transaction(
    async (tx) => {
      const { users, passwordHash } = await ensureDemoUsers(tx);
      for (const seed of [buildAcme(today, users), buildGlobex(today, users)]) {
        await writeOrgSeed(tx, seed, users, passwordHash);
        if (seed.org.slug === "acme") {
          await writeAcmeOrgDesign(tx, seed.org.id, today);
          await writeAcmeScheduledReorg(tx, seed.org.id, today);
        }
        log(summarize(seed));
      }
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  return { seeded: true };
}

function summarize(s: OrgSeed): string {
  const counts: [string, number][] = [
    ["units", s.units.length],
    ["people", s.people.length],
    ["members", s.memberships.length],
    ["initiatives", s.initiatives.length],
    ["projects", s.projects.length],
    ["milestones", s.milestones.length],
    ["status updates", s.statusUpdates.length],
    ["budget lines", s.budgetLines.length],
    ["actuals", s.actuals.length],
    ["positions", s.positions.length],
    ["vendors", s.vendors.length],
    ["contracts", s.contracts.length],
  ];
  return `${s.org.slug}: ${counts.map(([k, n]) => `${n} ${k}`).join(", ")}`;
}
