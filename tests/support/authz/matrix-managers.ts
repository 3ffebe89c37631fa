import { row } from "@/tests/support/authz/matrix";
import type { OrgFx } from "@/tests/support/authz/fixture";
import { testDb } from "@/tests/support/db";

// Development notes about a manager: written only from above the manager in the reporting line.
// Each cell builds a fresh line director → in-scope manager → target manager (with a report),
// the first two being the people of the DIRECTOR and MGR_IN logins; ADMIN holds the permission
// but is nobody's manager, so it is refused like everyone outside the line.
// Columns: ADMIN DIRECTOR MGR_IN MGR_OUT FINANCE VIEWER OTHER_ORG ANON FOREIGN (see matrix.ts).
async function managerBelowLine(fx: OrgFx) {
  const db = testDb();
  const dir = await fx.make.person({ unitId: fx.units.division.id });
  await db.person.update({ where: { id: dir.id }, data: { userId: fx.users.director } });
  const mid = await fx.make.person({ unitId: fx.units.deptA.id });
  await db.person.update({ where: { id: mid.id }, data: { userId: fx.users.managerIn, managerId: dir.id } });
  const target = await fx.make.person();
  await db.person.update({ where: { id: target.id }, data: { managerId: mid.id } });
  const report = await fx.make.person();
  await db.person.update({ where: { id: report.id }, data: { managerId: target.id } });
  return target;
}

export const MANAGER_ROWS = [
  row("manager-note.create", "F ok ok F F F N U N", async (fx) => ({
    managerId: (await managerBelowLine(fx)).id,
    kind: "GOAL",
    body: "Hire a tech lead",
    checkInOn: "2026-09-01",
  })),
  row("manager-note.delete", "F ok ok F F F N U N", async (fx) => {
    const target = await managerBelowLine(fx);
    const note = await testDb().managerNote.create({
      data: { orgId: fx.org.id, managerId: target.id, kind: "NOTE", body: "Coaching on delegation" },
    });
    return { noteId: note.id };
  }),
  row("manager-note.update", "F ok ok F F F N U N", async (fx) => {
    const target = await managerBelowLine(fx);
    const note = await testDb().managerNote.create({
      data: { orgId: fx.org.id, managerId: target.id, kind: "NOTE", body: "Coaching on delegation" },
    });
    return { noteId: note.id, body: "Coaching on delegation and hiring" };
  }),
  row("manager-note.set-done", "F ok ok F F F N U N", async (fx) => {
    const target = await managerBelowLine(fx);
    const note = await testDb().managerNote.create({
      data: { orgId: fx.org.id, managerId: target.id, kind: "GOAL", body: "Hire a tech lead", checkInOn: new Date("2026-09-01") },
    });
    return { noteId: note.id, done: true };
  }),
];
