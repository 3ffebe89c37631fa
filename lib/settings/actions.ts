"use server";

import { acceptInvitation } from "@/lib/settings/accept-invitation";
import { joinInvitation } from "@/lib/settings/join-invitation";
import { changeMemberRole, inviteMember, removeMember, signOutMemberEverywhere } from "@/lib/settings/members";
import { updateOrgSettings } from "@/lib/settings/update-org-settings";
import { updatePayPrivacy } from "@/lib/settings/update-pay-privacy";

// Each server action is a built action (lib/action.ts) itself, so the pipeline does every
// check and the revalidation. Next refuses `export { … } from` in a "use server" file.

export const updateOrgSettingsAction = updateOrgSettings;
export const updatePayPrivacyAction = updatePayPrivacy;
export const inviteMemberAction = inviteMember;
export const changeMemberRoleAction = changeMemberRole;
export const removeMemberAction = removeMember;
export const signOutMemberEverywhereAction = signOutMemberEverywhere;
export const acceptInvitationAction = acceptInvitation;
export const joinInvitationAction = joinInvitation;
