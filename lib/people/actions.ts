"use server";

import { syncPeopleFromHris } from "@/lib/people/hris/sync";
import { setDepartureRegret } from "@/lib/people/set-departure-regret";
import { setEndDate } from "@/lib/people/set-end-date";
import { updatePerson } from "@/lib/people/update-person";

// Each server action is a built action (lib/action.ts) itself, so the pipeline does every
// check and the revalidation. Next refuses `export { … } from` in a "use server" file.

export const updatePersonAction = updatePerson;
export const setEndDateAction = setEndDate;
export const setDepartureRegretAction = setDepartureRegret;
export const syncPeopleFromHrisAction = syncPeopleFromHris;
