import { redirect } from "next/navigation";

import { requireMember } from "@/lib/auth";

export default async function OrgIndexPage({ params }: { params: Promise<{ org: string }> }) {
  const { org: slug } = await params;
  const member = await requireMember(slug);
  redirect(`/${member.org.slug}/dashboard`);
}
