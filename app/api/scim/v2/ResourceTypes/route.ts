import { withScim } from "@/lib/route-guard";
import { resourceTypeDocuments, staticList } from "@/lib/scim/documents";
import { scimBase, scimJson } from "@/lib/scim/http";

export const GET = withScim(async (request) => scimJson(staticList(resourceTypeDocuments(scimBase(request)))));
