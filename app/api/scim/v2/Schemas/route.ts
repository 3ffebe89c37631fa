import { withScim } from "@/lib/route-guard";
import { schemaDocuments, staticList } from "@/lib/scim/documents";
import { scimBase, scimJson } from "@/lib/scim/http";

export const GET = withScim(async (request) => scimJson(staticList(schemaDocuments(scimBase(request)))));
