"use server";

import { changePassword } from "@/lib/account/change-password";
import { endMySession } from "@/lib/account/end-session";

// Each server action is a built action (lib/action.ts) itself, so the pipeline does every
// check and the revalidation. Next refuses `export { … } from` in a "use server" file.

export const changePasswordAction = changePassword;
export const endMySessionAction = endMySession;
