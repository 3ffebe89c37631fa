import { inject } from "vitest";

// Runs in each test worker before the test file: lib/db.ts creates its client lazily from
// DATABASE_URL, so this points every client at this worker's throwaway test database.
process.env.DATABASE_URL = inject("databaseUrls")[Number(process.env.VITEST_POOL_ID ?? 1) - 1];
if (inject("dbPoolMax")) process.env.KEEL_DB_POOL_MAX = inject("dbPoolMax");
// Seals stored secrets (lib/security/secret-box.ts); a fixed key of the tests, never a real one.
process.env.KEEL_ENCRYPTION_KEY ??= "a2VlbC1pbnRlZ3JhdGlvbi10ZXN0cy1vbmx5LWtleSE=";
