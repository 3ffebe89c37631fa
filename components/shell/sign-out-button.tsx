"use client";

import { LogOut } from "lucide-react";

import { signOutToLogin } from "@/components/shell/sign-out";
import { Button } from "@/components/ui/button";

export function SignOutButton() {
  return (
    <Button variant="outline" onClick={() => void signOutToLogin()}>
      <LogOut aria-hidden />
      Sign out
    </Button>
  );
}
