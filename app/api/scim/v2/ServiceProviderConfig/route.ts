import { withScim } from "@/lib/route-guard";
import { serviceProviderConfig } from "@/lib/scim/documents";
import { scimBase, scimJson } from "@/lib/scim/http";

export const GET = withScim(async (request) => scimJson(serviceProviderConfig(scimBase(request))));
