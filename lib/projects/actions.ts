"use server";

import { acknowledgeUpdate } from "@/lib/projects/acknowledge-update";
import { createProject } from "@/lib/projects/create-project";
import { deleteStatusUpdate } from "@/lib/projects/delete-status-update";
import { addDependency, removeDependency } from "@/lib/projects/dependencies";
import { editStatusUpdate } from "@/lib/projects/edit-status-update";
import { completeMilestone, createMilestone, updateMilestone } from "@/lib/projects/milestones";
import { postStatusUpdate } from "@/lib/projects/post-status-update";
import { archiveProject, setProjectStatus } from "@/lib/projects/set-project-status";
import { updateProject } from "@/lib/projects/update-project";

// Each server action is a built action (lib/action.ts) itself, so the pipeline does every
// check and the revalidation. Next refuses `export { … } from` in a "use server" file.

export const createProjectAction = createProject;
export const updateProjectAction = updateProject;
export const setProjectStatusAction = setProjectStatus;
export const archiveProjectAction = archiveProject;
export const postStatusUpdateAction = postStatusUpdate;
export const editStatusUpdateAction = editStatusUpdate;
export const deleteStatusUpdateAction = deleteStatusUpdate;
export const acknowledgeUpdateAction = acknowledgeUpdate;
export const createMilestoneAction = createMilestone;
export const updateMilestoneAction = updateMilestone;
export const completeMilestoneAction = completeMilestone;
export const addDependencyAction = addDependency;
export const removeDependencyAction = removeDependency;
