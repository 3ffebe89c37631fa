"use server";

import { createContract, updateContract } from "@/lib/vendors/contract-mutations";
import { createVendor, updateVendor } from "@/lib/vendors/vendor-mutations";

// Each server action is a built action (lib/action.ts) itself, so the pipeline does every
// check and the revalidation. Next refuses `export { … } from` in a "use server" file.

export const createVendorAction = createVendor;
export const updateVendorAction = updateVendor;
export const createContractAction = createContract;
export const updateContractAction = updateContract;
