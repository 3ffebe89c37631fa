import { ssoStartRoute } from "@/lib/sso/routes";

export const GET = ssoStartRoute;
