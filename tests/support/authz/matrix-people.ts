import { randomBytes } from "node:crypto";

import { hashPassword } from "@/lib/auth/password";
import { startSession } from "@/lib/auth/sessions";
import { sealSecret } from "@/lib/security/secret-box";
import { hashInviteToken } from "@/lib/settings/members";
import { createOrg } from "@/tests/factories/org";
import { row, type PublicRow, type SelfRow } from "@/tests/support/authz/matrix";
import { NOTIFICATION_PUBLIC_ROWS, NOTIFICATION_SELF_ROWS } from "@/tests/support/authz/matrix-notifications";
import { SCIM_PUBLIC_ROWS } from "@/tests/support/authz/matrix-scim";
import { testDb } from "@/tests/support/db";
import { today } from "@/tests/support/authz/fixture";

// People, positions, hiring plan, members and settings.
// Columns: ADMIN DIRECTOR MGR_IN MGR_OUT FINANCE VIEWER OTHER_ORG ANON FOREIGN (see matrix.ts).
export const PEOPLE_ROWS = [
  row("person.update", "ok ok ok F F F N U N", async (fx) => ({
    personId: (await fx.make.person()).id,
    version: 1,
    title: "Senior Engineer",
    level: "IC4",
    orgUnitId: fx.unit.id,
    managerId: "",
    effectiveFrom: today(),
  })),
  row("person.end", "ok ok ok F F F N U N", async (fx) => ({
    personId: (await fx.make.person()).id,
    version: 1,
    endDate: "2026-12-31",
    vacancy: "close",
  })),
  row("person.set-departure-regret", "ok ok ok F F F N U N", async (fx) => ({
    personId: (await fx.make.person({ endDate: "2026-03-31" })).id,
    version: 1,
    regretted: "regretted",
  })),
  // A sync covers the whole org: a manager's scoped people:write is not enough. No record id in it.
  row("people.hris.sync", "ok ok F F F F N U -", (fx) => ({
    csv: `Employee #,Name,Job Title,Department,Hire Date\nE-1,Pat Doe,Engineer,${fx.unit.code},2026-01-05\n`,
    dateFormat: "iso",
  })),
  row("position.create", "F ok ok F F F N U N", (fx) => ({
    orgUnitId: fx.unit.id,
    title: "Platform Engineer",
    level: "IC3",
    targetStartDate: "2026-09-01",
    compensation: "150000",
    compBandMin: "120000",
    compBandMax: "180000",
    loadedCostMultiplier: "1.25",
    budgetFiscalYear: 2027,
    budgetFiscalQuarter: "3",
    openNow: "on",
  })),
  row("position.transition", "F ok ok F F F N U N", async (fx) => ({
    positionId: (await fx.make.position("PLANNED")).id,
    version: 1,
    event: "open",
  })),
  row("position.fill", "F ok ok F F F N U N", async (fx) => ({
    mode: "new",
    positionId: (await fx.make.position("OPEN")).id,
    version: 1,
    name: "New Hire",
    email: `hire-${fx.uid()}@test.example`,
    startDate: "2026-06-01",
    managerId: "",
  })),
  row("position.update", "F ok ok F F F N U N", async (fx) => ({
    positionId: (await fx.make.position("OPEN")).id,
    version: 1,
    title: "Staff Engineer",
    level: "IC4",
    targetStartDate: "2026-10-01",
    compensation: "160000",
    compBandMin: "150000",
    compBandMax: "170000",
    loadedCostMultiplier: "",
    budgetFiscalYear: 2027,
    budgetFiscalQuarter: "",
  })),
  row("hiring-plan.import", "F ok ok V F F N U V", (fx) => ({
    fileName: "plan.csv",
    csv: `title,level,org unit code,target start,annual compensation\nEngineer,IC3,${fx.unit.code},2026-05-04,150000\n`,
  })),
  row("hiring-plan.import.check", "F ok ok V F F N U V", (fx) => fx.make.positionsExport()),
  row("hiring-plan.import.mapped", "F ok ok V F F N U V", (fx) => fx.make.positionsExport()),
  row("hiring-plan.import.mapping.delete", "F ok ok ok F F N U N", async (fx) => ({ id: (await fx.make.importMapping("HIRING_PLAN")).id })),
  row("member.invite", "ok F F F F F N U -", (fx) => ({ email: `new-${fx.uid()}@test.example`, role: "VIEWER" })),
  row("member.role.change", "ok F F F F F N U N", async (fx) => ({ membershipId: (await fx.make.member()).id, role: "FINANCE" })),
  row("member.remove", "ok F F F F F N U N", async (fx) => ({ membershipId: (await fx.make.member()).id })),
  row("member.sessions.end", "ok F F F F F N U N", async (fx) => ({ membershipId: (await fx.make.member()).id })),
  row("org.settings.update", "ok ok F F F F N U -", async (fx) => ({
    name: `Org ${fx.uid()}`,
    fiscalYearStartMonth: 1,
    updateCadence: "WEEKLY",
    updateDueWeekday: "FRIDAY",
    updateGraceDays: 2,
    loadedCostMultiplier: "1.3",
    hiringDelayDays: "30",
    forecastRunRateMonths: "3",
    forecastLumpyCategories: ["HARDWARE", "TRAINING", "TRAVEL"],
    positionOpenAlertDays: "30",
    expectedUpdatedAt: (await fx.make.freshOrg()).updatedAt.toISOString(),
  })),
  row("org.pay-privacy.update", "ok ok F F F F N U -", async (fx) => ({
    payMinGroupSize: 4,
    financeReadsPay: "on",
    expectedUpdatedAt: (await fx.make.freshOrg()).updatedAt.toISOString(),
  })),
  // Single sign-on decides who joins the org: admins only. Each cell starts without a configuration.
  row("org.sso.update", "ok F F F F F N U -", async (fx) => {
    await testDb().orgSso.deleteMany({ where: { orgId: fx.org.id } });
    return {
      displayName: "Okta",
      issuer: "https://idp.example.com",
      clientId: "keel",
      clientSecret: "client-secret",
      emailDomains: `${fx.uid()}.example.com`,
      groupsClaim: "groups",
      groupRoles: "keel-admins = ADMIN",
      defaultRole: "VIEWER",
      enabled: "on",
    };
  }),
  // Against an address nothing answers: the test runs and reports the failure (ok, not passed).
  row("org.sso.test", "ok F F F F F N U -", async (fx) => {
    const sso = { displayName: "Okta", issuer: "http://127.0.0.1:9", clientId: "keel", clientSecretSealed: sealSecret("client-secret") };
    await testDb().orgSso.upsert({ where: { orgId: fx.org.id }, create: { orgId: fx.org.id, ...sso }, update: sso });
    return {};
  }),
];

export const PUBLIC_ROWS: PublicRow[] = [
  {
    action: "invitation.accept",
    valid: async (fx) => ({
      token: await fx.make.invitation(),
      name: "New Person",
      password: "a-long-password",
      confirmPassword: "a-long-password",
    }),
    forged: () => ({ token: "forged-token-0123456789", name: "Intruder", password: "a-long-password", confirmPassword: "a-long-password" }),
    forgedOutcome: "NOT_FOUND",
  },
  ...SCIM_PUBLIC_ROWS,
  ...NOTIFICATION_PUBLIC_ROWS,
];

export const SELF_ROWS: SelfRow[] = [
  {
    // Joining another org by accepting its invitation, signed in as the invited email.
    action: "invitation.join",
    valid: async (_fx, userId) => {
      const db = testDb();
      const { email } = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
      const org = await createOrg(db);
      const token = randomBytes(24).toString("base64url");
      await db.invitation.create({
        data: {
          orgId: org.id,
          email,
          role: "VIEWER",
          tokenHash: hashInviteToken(token),
          invitedById: userId,
          expiresAt: new Date(Date.now() + 86_400_000),
        },
      });
      return { token };
    },
  },
  {
    action: "account.password.change",
    valid: async (_fx, userId) => {
      await testDb().user.update({ where: { id: userId }, data: { passwordHash: await hashPassword("current-passphrase-1") } });
      return {
        currentPassword: "current-passphrase-1",
        newPassword: "another-long-passphrase-2",
        confirmPassword: "another-long-passphrase-2",
      };
    },
  },
  {
    // Signing out one of the caller's own sessions.
    action: "account.session.end",
    valid: async (_fx, userId) => ({ sessionId: await startSession(testDb(), userId, "Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0") }),
  },
  ...NOTIFICATION_SELF_ROWS,
];
