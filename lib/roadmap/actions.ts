"use server";

import { createInitiative, updateInitiative } from "@/lib/roadmap/initiatives";

// Each server action is a built action (lib/action.ts) itself, so the pipeline does every
// check and the revalidation. Next refuses `export { … } from` in a "use server" file.

export const createInitiativeAction = createInitiative;
export const updateInitiativeAction = updateInitiative;
