"use server";

import { revalidatePath } from "next/cache";

import { acceptInvitation } from "@/lib/settings/accept-invitation";
import { joinInvitation } from "@/lib/settings/join-invitation";
import { changeMemberRole, inviteMember, removeMember, signOutMemberEverywhere } from "@/lib/settings/members";
import { updateOrgSettings } from "@/lib/settings/update-org-settings";
import { updatePayPrivacy } from "@/lib/settings/update-pay-privacy";

// Thin server-action entry points: all checks live in the pipeline (lib/action.ts). Inputs are
// typed `unknown` on purpose: whatever a browser sends is untrusted until the zod schema parses it.

export async function updateOrgSettingsAction(org: string, input: unknown) {
  const result = await updateOrgSettings(org, input);
  if (result.ok) revalidatePath(`/${org}`, "layout");
  return result;
}

export async function updatePayPrivacyAction(org: string, input: unknown) {
  const result = await updatePayPrivacy(org, input);
  if (result.ok) revalidatePath(`/${org}`, "layout");
  return result;
}

export async function inviteMemberAction(org: string, input: unknown) {
  const result = await inviteMember(org, input);
  if (result.ok) revalidatePath(`/${org}/settings`);
  return result;
}

export async function changeMemberRoleAction(org: string, input: unknown) {
  const result = await changeMemberRole(org, input);
  if (result.ok) revalidatePath(`/${org}/settings`);
  return result;
}

export async function removeMemberAction(org: string, membershipId: string) {
  const result = await removeMember(org, { membershipId });
  if (result.ok) revalidatePath(`/${org}/settings`);
  return result;
}

export async function signOutMemberEverywhereAction(org: string, membershipId: string) {
  const result = await signOutMemberEverywhere(org, { membershipId });
  if (result.ok) revalidatePath(`/${org}/settings`);
  return result;
}

export async function acceptInvitationAction(input: unknown) {
  return acceptInvitation(input);
}

export async function joinInvitationAction(input: unknown) {
  const result = await joinInvitation(input);
  if (result.ok) revalidatePath("/", "layout");
  return result;
}
