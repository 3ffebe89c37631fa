import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next/**",
    ".data/**",
    "lib/generated/**",
    "node_modules/**",
    "test-results/**",
    "playwright-report/**",
    "next-env.d.ts",
  ]),
  {
    rules: {
      // Pages and components never talk to the database directly (STYLE.md: page → lib → db).
      "no-restricted-imports": ["error", { paths: [{ name: "@/lib/db", message: "Only lib/ modules may import the database client." }] }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["lib/**", "tests/**", "scripts/**", "prisma/**"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    // Layers: lib/ is the domain and never reaches up into the UI or the routes; no import cycles.
    files: ["lib/**"],
    settings: { "import/ignore": ["node_modules"] },
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/components/*", "@/app/*"], message: "lib/ may not import components/ or app/: move the shared piece into lib/." },
          ],
        },
      ],
      "import/no-cycle": ["error", { ignoreExternal: true }],
    },
  },
]);
