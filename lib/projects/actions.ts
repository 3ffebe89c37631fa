"use server";

import { revalidatePath } from "next/cache";

import { acknowledgeUpdate } from "@/lib/projects/acknowledge-update";
import { createProject } from "@/lib/projects/create-project";
import { deleteStatusUpdate } from "@/lib/projects/delete-status-update";
import { addDependency, removeDependency } from "@/lib/projects/dependencies";
import { editStatusUpdate } from "@/lib/projects/edit-status-update";
import { completeMilestone, createMilestone, updateMilestone } from "@/lib/projects/milestones";
import { postStatusUpdate } from "@/lib/projects/post-status-update";
import { archiveProject, setProjectStatus } from "@/lib/projects/set-project-status";
import { updateProject } from "@/lib/projects/update-project";

// Thin server-action entry points: every check lives in the pipeline (lib/action.ts). Inputs are
// `unknown` on purpose: whatever a browser sends is untrusted until the zod schema parses it.

function refresh(org: string) {
  // Project pages, lists, the roadmap and the dashboard all show project facts.
  revalidatePath(`/${org}`, "layout");
}

export async function createProjectAction(org: string, input: unknown) {
  const result = await createProject(org, input);
  if (result.ok) refresh(org);
  return result;
}

export async function updateProjectAction(org: string, input: unknown) {
  const result = await updateProject(org, input);
  if (result.ok) refresh(org);
  return result;
}

export async function setProjectStatusAction(org: string, input: unknown) {
  const result = await setProjectStatus(org, input);
  if (result.ok) refresh(org);
  return result;
}

export async function archiveProjectAction(org: string, input: unknown) {
  const result = await archiveProject(org, input);
  if (result.ok) refresh(org);
  return result;
}

export async function postStatusUpdateAction(org: string, input: unknown) {
  const result = await postStatusUpdate(org, input);
  if (result.ok) refresh(org);
  return result;
}

export async function editStatusUpdateAction(org: string, input: unknown) {
  const result = await editStatusUpdate(org, input);
  if (result.ok) refresh(org);
  return result;
}

export async function deleteStatusUpdateAction(org: string, input: unknown) {
  const result = await deleteStatusUpdate(org, input);
  if (result.ok) refresh(org);
  return result;
}

export async function acknowledgeUpdateAction(org: string, input: unknown) {
  const result = await acknowledgeUpdate(org, input);
  if (result.ok) refresh(org);
  return result;
}

export async function createMilestoneAction(org: string, input: unknown) {
  const result = await createMilestone(org, input);
  if (result.ok) refresh(org);
  return result;
}

export async function updateMilestoneAction(org: string, input: unknown) {
  const result = await updateMilestone(org, input);
  if (result.ok) refresh(org);
  return result;
}

export async function completeMilestoneAction(org: string, input: unknown) {
  const result = await completeMilestone(org, input);
  if (result.ok) refresh(org);
  return result;
}

export async function addDependencyAction(org: string, input: unknown) {
  const result = await addDependency(org, input);
  if (result.ok) refresh(org);
  return result;
}

export async function removeDependencyAction(org: string, input: unknown) {
  const result = await removeDependency(org, input);
  if (result.ok) refresh(org);
  return result;
}
