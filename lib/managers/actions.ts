"use server";

import { addManagerNote } from "@/lib/managers/add-note";
import { deleteManagerNote } from "@/lib/managers/delete-note";
import { setManagerGoalDone, updateManagerNote } from "@/lib/managers/edit-note";

// Each server action is a built action (lib/action.ts) itself; see lib/account/actions.ts.

export const addManagerNoteAction = addManagerNote;
export const deleteManagerNoteAction = deleteManagerNote;
export const updateManagerNoteAction = updateManagerNote;
export const setManagerGoalDoneAction = setManagerGoalDone;
