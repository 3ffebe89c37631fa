-- OpenID Connect single sign-on per org (issue 24 item 1, docs/sso.md).
ALTER TABLE "UserSession" ADD COLUMN "ssoOrgId" TEXT;


CREATE TABLE "OrgSso" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "issuer" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "clientSecretSealed" TEXT NOT NULL,
    "scopes" TEXT NOT NULL DEFAULT 'openid email profile',
    "groupsClaim" TEXT NOT NULL DEFAULT 'groups',
    "groupRoles" JSONB NOT NULL DEFAULT '[]',
    "defaultRole" "Role" NOT NULL DEFAULT 'VIEWER',
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "requireSso" BOOLEAN NOT NULL DEFAULT false,
    "breakGlassUserId" TEXT,
    "lastTestAt" TIMESTAMP(3),
    "lastTestOk" BOOLEAN,
    "lastTestMessage" TEXT,
    "lastProblemAt" TIMESTAMP(3),
    "lastProblem" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OrgSso_pkey" PRIMARY KEY ("id")
);


CREATE TABLE "SsoDomain" (
    "domain" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,

    CONSTRAINT "SsoDomain_pkey" PRIMARY KEY ("domain")
);


CREATE UNIQUE INDEX "OrgSso_orgId_key" ON "OrgSso"("orgId");


CREATE INDEX "SsoDomain_orgId_idx" ON "SsoDomain"("orgId");


ALTER TABLE "UserSession" ADD CONSTRAINT "UserSession_ssoOrgId_fkey" FOREIGN KEY ("ssoOrgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;


ALTER TABLE "OrgSso" ADD CONSTRAINT "OrgSso_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;


ALTER TABLE "SsoDomain" ADD CONSTRAINT "SsoDomain_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
