// Child process of the bench: stores the figures the writers keep (lib/stored-figures) for every
// org of a bench database, as the job worker would shortly after a server starts, so that the
// pages measured read them from the first request (the generator writes outside the actions).
// Run: DATABASE_URL=… node --conditions=react-server --import tsx scripts/bench/store-figures.ts
import { db } from "@/lib/db";
import { refreshStaleStoredFigures } from "@/lib/stored-figures";

const t = performance.now();
const n = await refreshStaleStoredFigures(db);
console.log(JSON.stringify({ stored: n, ms: Math.round(performance.now() - t) }));
await db.$disconnect();
