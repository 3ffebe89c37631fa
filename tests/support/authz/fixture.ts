import { randomBytes, randomUUID } from "node:crypto";

import type { Db } from "@/lib/db-factory";
import type { PositionStatus } from "@/lib/generated/prisma/enums";
import { sealSecret } from "@/lib/security/secret-box";
import { hashInviteToken } from "@/lib/settings/members";
import { uploadCsv } from "@/tests/factories/finance";
import { createMember, createOrgWithRoles } from "@/tests/factories/org";

// One org of the authorization matrix: the tree of createOrgWithRoles (division → deptA → teamA,
// deptB → teamB), a MANAGER scoped to deptA (in scope for every target, which all live in
// teamA) and one scoped to deptB (out of scope), and helpers that create a fresh target per
// matrix cell so the cells never depend on each other.

const uid = () => randomBytes(4).toString("hex");
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
export const today = () => new Date().toISOString().slice(0, 10);

export type OrgFx = Awaited<ReturnType<typeof createAuthzOrg>>;

export async function createAuthzOrg(db: Db) {
  const base = await createOrgWithRoles(db);
  const { org, units, members } = base;
  const managerOut = await createMember(db, org.id, "MANAGER", { scopeUnitId: units.deptB.id });
  // Authors status updates (nobody may acknowledge their own).
  const author = await createMember(db, org.id, "MANAGER", { scopeUnitId: units.deptA.id });
  const users = {
    admin: members.admin.user.id,
    director: members.director.user.id,
    managerIn: members.manager.user.id,
    managerOut: managerOut.user.id,
    finance: members.finance.user.id,
    viewer: members.viewer.user.id,
    author: author.user.id,
  };
  const unit = units.teamA;

  const person = async (opts: { unitId?: string; endDate?: string } = {}) =>
    db.person.create({
      data: {
        orgId: org.id,
        orgUnitId: opts.unitId ?? unit.id,
        name: `Person ${uid()}`,
        title: "Engineer",
        level: "IC3",
        startDate: day("2022-01-03"),
        endDate: opts.endDate ? day(opts.endDate) : null,
        annualCompCents: 15_000_000n,
      },
    });
  const project = async () =>
    db.project.create({
      data: { orgId: org.id, orgUnitId: unit.id, name: `Project ${uid()}`, status: "ACTIVE", startDate: day("2026-01-05") },
    });
  const position = async (status: PositionStatus = "PLANNED") =>
    db.position.create({
      data: {
        orgId: org.id,
        orgUnitId: unit.id,
        title: "Engineer",
        level: "IC3",
        status,
        annualCompCents: 15_000_000n,
        budgetFiscalYear: 2027,
        openedAt: status === "OPEN" ? new Date() : null,
      },
    });
  const milestone = async () => {
    const p = await project();
    return db.milestone.create({ data: { orgId: org.id, projectId: p.id, name: `Milestone ${uid()}`, dueDate: day("2026-12-01") } });
  };
  const statusUpdate = async (authorId: string = users.author) => {
    const p = await project();
    return db.statusUpdate.create({ data: { orgId: org.id, projectId: p.id, authorId, health: "ON_TRACK", summary: "All good" } });
  };
  const dependency = async () => {
    const [a, b] = [await project(), await project()];
    return db.projectDependency.create({ data: { orgId: org.id, blockerId: a.id, blockedId: b.id } });
  };
  const allocation = async () => {
    const [p, who] = [await project(), await person()];
    return db.allocation.create({ data: { orgId: org.id, projectId: p.id, personId: who.id, percent: 50, startDate: day("2026-01-05") } });
  };
  const initiative = async () =>
    db.initiative.create({ data: { orgId: org.id, orgUnitId: unit.id, name: `Initiative ${uid()}`, fiscalYear: 2027 } });
  const vendor = async () => db.vendor.create({ data: { orgId: org.id, name: `Vendor ${uid()}` } });
  const contract = async () => {
    const v = await vendor();
    return db.contract.create({
      data: {
        orgId: org.id,
        vendorId: v.id,
        orgUnitId: unit.id,
        category: "SOFTWARE",
        name: `Contract ${uid()}`,
        annualAmountCents: 1_200_000n,
        startDate: day("2026-01-01"),
        endDate: day("2026-12-31"),
      },
    });
  };
  const member = async () => (await createMember(db, org.id, "VIEWER")).membership;
  const actualsBatch = async () =>
    db.importBatch.create({
      data: { orgId: org.id, kind: "ACTUALS", fileName: "ledger.csv", rowCount: 0, insertedCount: 0, createdById: users.finance },
    });
  const invitation = async () => {
    const token = randomBytes(24).toString("base64url");
    await db.invitation.create({
      data: {
        orgId: org.id,
        email: `invitee-${uid()}@test.example`,
        role: "VIEWER",
        tokenHash: hashInviteToken(token),
        invitedById: users.admin,
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    });
    return token;
  };
  const webhook = async () =>
    db.webhookEndpoint.create({
      data: { orgId: org.id, url: `https://hooks.example.com/${uid()}`, events: ["status_update.posted"], secretSealed: "v1.x.x.x" },
    });
  const webhookDelivery = async () => {
    const ep = await webhook();
    return db.webhookDelivery.create({
      data: {
        id: randomUUID(),
        orgId: org.id,
        endpointId: ep.id,
        eventId: `msg_${uid()}`,
        eventType: "webhook.test",
        payload: { type: "webhook.test", data: {} },
        state: "SUCCEEDED",
        maxAttempts: 6,
      },
    });
  };
  const freshOrg = async () => db.organization.findUniqueOrThrow({ where: { id: org.id }, select: { updatedAt: true } });
  // A project's GitHub connection with a (fake) sealed token.
  const deliverySource = async () => {
    const p = await project();
    return db.deliverySource.create({
      data: {
        orgId: org.id,
        projectId: p.id,
        kind: "GITHUB",
        baseUrl: "https://api.github.com",
        query: "acme/app",
        tokenSealed: sealSecret("ghp_fake", org.id),
      },
    });
  };
  const actualsCsv = () =>
    uploadCsv(
      `date,cost centre code,category,amount,vendor,memo,external reference\n2026-03-04,${unit.code},SOFTWARE,120.50,,memo,ref-${uid()}\n`,
    );
  // A QuickBooks-shaped ledger export and its mapping onto this org's unit (lib/imports/).
  const ledgerExport = async () => ({
    uploadId: await uploadCsv(
      `Org\nGeneral Ledger\nDate,Account,Department,Memo,Debit,Credit\n03/04/2026,6200 Travel,Platform,m ${uid()},120.50,\n`,
    ),
    fileName: "gl.csv",
    mapping: {
      encoding: "utf-8",
      dateFormat: "MDY",
      columns: { date: "Date", account: "Account", costCentre: "Department", memo: "Memo", debit: "Debit", credit: "Credit" },
      accounts: [{ value: "6200 Travel", category: "TRAVEL" }],
      costCentres: [{ value: "Platform", code: unit.code }],
    },
  });
  // A budget spreadsheet in another system's shape and its mapping onto this org's unit.
  const planExport = async () => ({
    uploadId: await uploadCsv(
      `FY31 budget\nPeriod,Department,GL account,Budget\nMar 2031,Platform,6200 Travel,"${Math.floor(Math.random() * 9000) + 1000}.00"\n`,
    ),
    fileName: "budget.csv",
    mapping: {
      encoding: "utf-8",
      dateFormat: "DMY",
      columns: { date: "Period", account: "GL account", costCentre: "Department", amount: "Budget" },
      accounts: [{ value: "6200 Travel", category: "TRAVEL" }],
      costCentres: [{ value: "Platform", code: unit.code }],
    },
  });
  // A recruiting spreadsheet and its mapping onto this org's unit.
  const positionsExport = async () => ({
    uploadId: await uploadCsv(`Hiring plan\nRole,Level,Team,Start date,Salary\nEngineer ${uid()},IC3,Platform,05/04/2026,"150,000"\n`),
    fileName: "hiring.csv",
    mapping: {
      encoding: "utf-8",
      dateFormat: "MDY",
      columns: { title: "Role", level: "Level", costCentre: "Team", date: "Start date", amount: "Salary" },
      accounts: [],
      costCentres: [{ value: "Platform", code: unit.code }],
    },
  });
  // A saved mapping of a kind, to be deleted.
  const importMapping = (kind: "ACTUALS" | "BUDGET" | "HIRING_PLAN") =>
    db.importMapping.create({
      data: { orgId: org.id, kind, signature: `sig-${uid()}`, header: ["Date"], mapping: {}, updatedById: users.admin },
      select: { id: true },
    });
  // A plan line in a month of its own (cells are unique per unit × category × month).
  let planMonths = 0;
  const planLine = async () => {
    const n = planMonths++;
    return db.budgetLine.create({
      data: {
        orgId: org.id,
        orgUnitId: unit.id,
        category: "TRAVEL",
        month: day(`${2040 + Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, "0")}-01`),
        amountCents: 12_345n,
      },
    });
  };
  const planCsv = () =>
    uploadCsv(`month,cost centre code,category,amount\n2031-03,${unit.code},TRAVEL,${Math.floor(Math.random() * 9000) + 1000}.00\n`);

  return {
    ...base,
    slug: org.slug,
    unit,
    users,
    make: {
      person,
      project,
      position,
      milestone,
      statusUpdate,
      dependency,
      allocation,
      initiative,
      vendor,
      contract,
      member,
      actualsBatch,
      invitation,
      freshOrg,
      webhook,
      webhookDelivery,
      deliverySource,
      actualsCsv,
      ledgerExport,
      planExport,
      positionsExport,
      importMapping,
      planCsv,
      planLine,
    },
    uid,
  };
}
