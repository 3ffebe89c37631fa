import { describe, expect, it } from "vitest";

import { passwordProblems, ZNewPassword } from "@/lib/auth/password-rules";

describe("password rules", () => {
  it("accepts a long, unusual password", () => {
    expect(passwordProblems("quiet-lantern-harbor-42", "ann@test.example")).toEqual([]);
    expect(ZNewPassword.safeParse("quiet-lantern-harbor-42").success).toBe(true);
  });

  it.each([
    ["short-pw-11", "Use at least 12 characters."],
    ["x".repeat(201), "Use at most 200 characters."],
    ["password1234", "This password is too common: choose another."],
    ["  PASSWORD1234 ", "This password is too common: choose another."],
    ["zzzzzzzzzzzzzz", "This password is too common: choose another."],
    ["ann.lee@test.example", "Do not use your email address as your password."],
    ["ANN.LEE@TEST.EXAMPLE", "Do not use your email address as your password."],
    ["annlee-annlee", null],
  ])("%s", (password, problem) => {
    const problems = passwordProblems(password, "ann.lee@test.example");
    if (problem) expect(problems).toContain(problem);
    else expect(problems).toEqual([]);
  });

  it("refuses the email's local part, however punctuated", () => {
    expect(passwordProblems("Ann-Lee-Account", "annleeaccount@test.example")).toContain("Do not use your email address as your password.");
  });

  it("counts characters, not UTF-16 units: 11 emoji are too short", () => {
    expect(passwordProblems("🔑🚀🌲🐙🎲🧭🪁🦉🍋🎻⛵".slice(0, -1) + "🔑", null)).toContain("Use at least 12 characters.");
    expect(passwordProblems("🔑🚀🌲🐙🎲🧭🪁🦉🍋🎻⛵🔭", null)).toEqual([]);
    expect(passwordProblems("🔑".repeat(12), null)).toContain("This password is too common: choose another.");
  });

  it("reports every problem through zod, not just the first", () => {
    const result = ZNewPassword.safeParse("abc");
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual(["Use at least 12 characters."]);
    expect(ZNewPassword.safeParse(42).success).toBe(false);
  });
});
