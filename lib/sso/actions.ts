"use server";

import { testSso } from "@/lib/sso/test-sso";
import { updateSso } from "@/lib/sso/update-sso";

export const updateSsoAction = updateSso;
export const testSsoAction = testSso;
