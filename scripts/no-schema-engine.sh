#!/bin/sh
# Stand-in for Prisma's native schema-engine binary. `prisma generate` only checks that an
# engine path exists; it never runs it. Migrations are applied by scripts/migrate.ts instead,
# so Keel needs no engine download (works offline and behind proxies).
echo "keel: the native Prisma schema engine is not used; see scripts/migrate.ts" >&2
exit 1
