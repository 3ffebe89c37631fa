"use server";

import { createOrgApiToken, createPersonalApiToken, revokeOrgApiToken, revokePersonalApiToken } from "@/lib/api/manage-tokens";

// Each server action is a built action (lib/action.ts) itself. Next refuses `export { … } from`
// in a "use server" file.

export const createOrgApiTokenAction = createOrgApiToken;
export const revokeOrgApiTokenAction = revokeOrgApiToken;
export const createPersonalApiTokenAction = createPersonalApiToken;
export const revokePersonalApiTokenAction = revokePersonalApiToken;
