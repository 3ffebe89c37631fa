"use server";

import { revalidatePath } from "next/cache";

import { changeMemberRole, inviteMember, removeMember } from "@/lib/settings/members";
import type { ChangeMemberRoleInput, InviteMemberInput, UpdateOrgSettingsInput } from "@/lib/settings/schemas";
import { updateOrgSettings } from "@/lib/settings/update-org-settings";

// Thin server-action entry points: all checks live in the pipeline (lib/action.ts).

export async function updateOrgSettingsAction(org: string, input: UpdateOrgSettingsInput) {
  const result = await updateOrgSettings(org, input);
  if (result.ok) revalidatePath(`/${org}`, "layout");
  return result;
}

export async function inviteMemberAction(org: string, input: InviteMemberInput) {
  const result = await inviteMember(org, input);
  if (result.ok) revalidatePath(`/${org}/settings`);
  return result;
}

export async function changeMemberRoleAction(org: string, input: ChangeMemberRoleInput) {
  const result = await changeMemberRole(org, input);
  if (result.ok) revalidatePath(`/${org}/settings`);
  return result;
}

export async function removeMemberAction(org: string, membershipId: string) {
  const result = await removeMember(org, { membershipId });
  if (result.ok) revalidatePath(`/${org}/settings`);
  return result;
}
