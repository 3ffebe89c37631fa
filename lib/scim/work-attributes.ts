import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { toDateString } from "@/lib/fiscal";
import { assertNoReportingCycle, recordAssignment } from "@/lib/people/assignment";
import type { ScimAuthority } from "@/lib/scim/principal";
import { ENTERPRISE, type ScimUserResource } from "@/lib/scim/schemas";

// The enterprise extension's work attributes applied to the person record of a provisioned user
// (docs/scim.md). The person is the org's Person linked to the user's account, else the one with
// the same email and no account yet (then linked). `costCenter`, else `department`, moves the
// person to the open org unit with that code; `manager.value` (the manager's SCIM id or
// externalId) sets their manager to that user's person. A value that matches nothing, or a
// manager that would close a reporting loop, leaves the field as it is: the provider's data is
// not Keel's to correct, and the answer says nothing about what exists in the org.

const PERSON = { id: true, orgUnitId: true, managerId: true, startDate: true, version: true } as const;

async function personOf(tx: Tx, orgId: string, userId: string, email: string | null) {
  const linked = await tx.person.findFirst({ where: { orgId, userId }, select: PERSON, orderBy: { createdAt: "asc" } });
  if (linked || !email) return linked;
  const byEmail = await tx.person.findFirst({
    where: { orgId, userId: null, email: { equals: email, mode: "insensitive" } },
    select: PERSON,
  });
  if (byEmail) await tx.person.update({ where: { id: byEmail.id }, data: { userId } });
  return byEmail;
}

async function unitFor(tx: Tx, orgId: string, codes: (string | undefined)[]): Promise<string | null> {
  for (const code of codes) {
    if (!code) continue;
    const unit = await tx.orgUnit.findFirst({ where: { orgId, code: code.trim(), closedOn: null }, select: { id: true } });
    if (unit) return unit.id;
  }
  return null;
}

async function managerFor(tx: Tx, orgId: string, ref: string | undefined, selfPersonId: string): Promise<string | null> {
  if (!ref) return null;
  const manager = await tx.scimUser.findFirst({ where: { orgId, OR: [{ id: ref }, { externalId: ref }] }, select: { userId: true } });
  if (!manager) return null;
  const person = await tx.person.findFirst({ where: { orgId, userId: manager.userId }, select: { id: true } });
  return person && person.id !== selfPersonId ? person.id : null;
}

export async function applyWorkAttributes(
  tx: Tx,
  auth: ScimAuthority,
  user: { userId: string; email: string | null },
  resource: ScimUserResource,
): Promise<void> {
  const ext = resource[ENTERPRISE];
  const person = await personOf(tx, auth.orgId, user.userId, user.email);
  if (!person || !ext) return;
  const ctx = { tx, org: { id: auth.orgId } };
  const orgUnitId = (await unitFor(tx, auth.orgId, [ext.costCenter, ext.department])) ?? person.orgUnitId;
  let managerId = (await managerFor(tx, auth.orgId, ext.manager?.value, person.id)) ?? person.managerId;
  if (managerId !== person.managerId) {
    try {
      await assertNoReportingCycle(ctx, person.id, managerId);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      managerId = person.managerId;
    }
  }
  if (orgUnitId === person.orgUnitId && managerId === person.managerId) return;
  const today = toDateString(new Date());
  await recordAssignment(ctx, person, { orgUnitId, managerId }, today);
  const after = await tx.person.update({
    where: { id: person.id },
    data: { orgUnitId, managerId, version: { increment: 1 } },
    select: PERSON,
  });
  await auth.audit({
    action: "person.move",
    entityType: "Person",
    entityId: person.id,
    before: person,
    after: { ...after, effectiveFrom: today },
  });
}
