import { ssoLookupRoute } from "@/lib/sso/routes";

export const GET = ssoLookupRoute;
