import pg from "pg";

import { createPrismaClient } from "@/lib/db-factory";
import type { Role } from "@/lib/generated/prisma/enums";
import { migrate } from "@/lib/migrate";
import { seedDemo } from "@/lib/seed/index";
import { DEMO_PASSWORD } from "@/lib/seed/users";

// A generated database for one load-test run: dropped and recreated, migrated, the demo orgs
// seeded, plus `sessions` extra Acme users (directors, managers scoped like the demo manager,
// finance) who share the demo password. Each session gets its own plan cell to edit, in a far
// fiscal year no page defaults to, so its last acknowledged value can be checked afterwards.

export type LoadUser = {
  index: number;
  email: string;
  role: Role;
  /** Projects this user may post status updates on (empty: none). */
  projectIds: string[];
  /** The plan cell this user edits (null: the role has no budgets:write). */
  cell: { orgUnitId: string; category: string; month: string } | null;
};

export type LoadFixture = { url: string; password: string; users: LoadUser[]; readPaths: string[] };

const CATEGORIES = ["CONTRACTORS", "SOFTWARE", "CLOUD", "HARDWARE", "TRAINING", "TRAVEL", "OTHER"];

/** 60% directors, 24% managers, 16% finance: with the per-role mixes in run.ts this gives 80/15/5 overall. */
function roleFor(i: number, n: number): Role {
  const f = i / n;
  return f < 0.6 ? "DIRECTOR" : f < 0.84 ? "MANAGER" : "FINANCE";
}

export async function createFixture(adminUrl: string, dbName: string, sessions: number, log: (s: string) => void): Promise<LoadFixture> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${dbName}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  await migrate(url.toString());
  const db = createPrismaClient(url.toString());
  try {
    await seedDemo(db);
    const acme = await db.organization.findUniqueOrThrow({ where: { slug: "acme" }, select: { id: true } });
    const director = await db.user.findUniqueOrThrow({ where: { email: "director@acme.example" }, select: { passwordHash: true } });
    const demoManager = await db.membership.findFirstOrThrow({
      where: { orgId: acme.id, role: "MANAGER", scopeUnitId: { not: null } },
      select: { scopeUnitId: true },
    });
    const scopeUnitId = demoManager.scopeUnitId!;
    const allProjects = await db.project.findMany({ where: { orgId: acme.id, archivedAt: null }, select: { id: true, orgUnitId: true } });
    const inScope = new Set(
      (await db.orgUnitClosure.findMany({ where: { orgId: acme.id, ancestorId: scopeUnitId }, select: { descendantId: true } })).map(
        (r) => r.descendantId,
      ),
    );
    const scopedProjects = allProjects.filter((p) => inScope.has(p.orgUnitId)).map((p) => p.id);
    // Open units only: a closed unit (the demo has one) takes no new plan lines.
    const units = await db.orgUnit.findMany({ where: { orgId: acme.id, closedOn: null }, select: { id: true }, orderBy: { code: "asc" } });
    if (scopedProjects.length === 0 || units.length === 0) throw new Error("The demo seed has no projects in the manager's scope.");

    const users: LoadUser[] = [];
    for (let i = 0; i < sessions; i++) {
      const role = roleFor(i, sessions);
      const email = `load${String(i + 1).padStart(3, "0")}@acme.example`;
      const user = await db.user.create({
        data: { email, name: `Load User ${i + 1}`, passwordHash: director.passwordHash },
        select: { id: true },
      });
      await db.membership.create({ data: { orgId: acme.id, userId: user.id, role, scopeUnitId: role === "MANAGER" ? scopeUnitId : null } });
      // A distinct cell per session: unit × category × month of fiscal year 2031.
      const cell =
        role === "MANAGER"
          ? null
          : {
              orgUnitId: units[i % units.length].id,
              category: CATEGORIES[Math.floor(i / units.length) % CATEGORIES.length],
              month: `2031-${String((Math.floor(i / (units.length * CATEGORIES.length)) % 12) + 1).padStart(2, "0")}-01`,
            };
      users.push({
        index: i,
        email,
        role,
        projectIds: role === "FINANCE" ? [] : role === "MANAGER" ? scopedProjects : allProjects.map((p) => p.id),
        cell,
      });
    }
    const sample = allProjects.slice(0, 8).map((p) => `/acme/projects/${p.id}`);
    const readPaths = [
      "/acme/dashboard",
      "/acme/projects",
      "/acme/projects/review",
      "/acme/budgets",
      "/acme/budgets/plan",
      "/acme/headcount",
      "/acme/teams",
      "/acme/roadmap",
      "/acme/vendors",
      ...sample,
    ];
    log(`database ${dbName}: demo seed + ${sessions} load users (${countRoles(users)}), ${allProjects.length} projects`);
    return { url: url.toString(), password: DEMO_PASSWORD, users, readPaths };
  } finally {
    await db.$disconnect();
  }
}

function countRoles(users: LoadUser[]): string {
  const counts = new Map<string, number>();
  for (const u of users) counts.set(u.role, (counts.get(u.role) ?? 0) + 1);
  return [...counts].map(([r, n]) => `${n} ${r}`).join(", ");
}
