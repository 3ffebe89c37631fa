import { ssoCallbackRoute } from "@/lib/sso/routes";

export const GET = ssoCallbackRoute;
