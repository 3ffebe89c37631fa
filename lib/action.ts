import "server-only";

import type { z } from "zod";

import { buildAction } from "@/lib/action/build";
import type { OrgActionDef, PublicActionDef, SelfActionDef } from "@/lib/action/types";

// The one pipeline every mutation goes through (lib/action/build.ts):
//   session strategy → zod parse → authorize → work in one transaction → AuditEvent → result.
// `buildAction({ session: "org" | "self" | "public", … })` builds an action; the three presets
// below are the same builder with the session fixed. A "use server" file (lib/<area>/actions.ts)
// only re-exports built actions: each is the server action itself.

export { buildAction } from "@/lib/action/build";
export { actionRegistry, isRegisteredAction } from "@/lib/action/registry";
export type * from "@/lib/action/types";
export type { ActionResult } from "@/lib/action-result";

/** An org action: a member of the org holding `permission`. */
export const defineAction = <S extends z.ZodType, T, R = T>(def: OrgActionDef<S, T, R>) => buildAction({ session: "org", ...def });

/** A change to the signed-in user's own account, audited in each of the user's orgs. */
export const defineUserAction = <S extends z.ZodType, T, R = T>(def: SelfActionDef<S, T, R>) => buildAction({ session: "self", ...def });

/** A mutation before the caller belongs to any org; authority comes from the input (a token). */
export const definePublicAction = <S extends z.ZodType, T, R = T>(def: PublicActionDef<S, T, R>) =>
  buildAction({ session: "public", ...def });
