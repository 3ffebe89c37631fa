"use client";

import Link from "next/link";
import { useParams } from "next/navigation";
import type * as React from "react";

import { Button } from "@/components/ui/button";

// not-found.tsx receives no params, so the org's dashboard link is built on the client.
export function OrgHomeLink({ children }: { children: React.ReactNode }) {
  const params = useParams<{ org?: string }>();
  const href = params?.org ? `/${params.org}/dashboard` : "/";
  return (
    <Button asChild>
      <Link href={href}>{children}</Link>
    </Button>
  );
}
