import { notFound } from "next/navigation";

import { requireMember } from "@/lib/auth";

// Unknown paths inside an org: members get the 404 inside the app shell; everyone else gets the
// same 404 requireMember gives for an org they cannot see.
export default async function UnknownOrgPage({ params }: { params: Promise<{ org: string }> }) {
  await requireMember((await params).org);
  notFound();
}
