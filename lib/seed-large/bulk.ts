import type pg from "pg";

// Bulk loading the way PostgreSQL's manual recommends ("Populating a Database"): drop the
// indexes and foreign keys of the big tables, insert, then rebuild the indexes in one sort each
// and re-add the foreign keys, which PostgreSQL validates in one join per key instead of one
// lookup per row. Everything is read back from the catalog and restored verbatim (same names,
// same definitions); CHECK constraints and rules stay in force throughout. The caller runs this
// inside its transaction, so a failure leaves the schema as it was.

type Saved = { table: string; constraints: { name: string; def: string; type: string }[]; indexes: { name: string; def: string }[] };

export async function dropForBulkLoad(client: pg.Client, tables: string[]): Promise<Saved[]> {
  const saved: Saved[] = [];
  for (const table of tables) {
    const { rows: constraints } = await client.query<{ name: string; def: string; type: string }>(
      `SELECT conname AS name, pg_get_constraintdef(oid) AS def, contype AS type
       FROM pg_constraint WHERE conrelid = format('%I', $1::text)::regclass AND contype IN ('p', 'u', 'f')
       ORDER BY contype DESC`,
      [table],
    );
    const { rows: indexes } = await client.query<{ name: string; def: string }>(
      `SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
       WHERE i.schemaname = current_schema() AND i.tablename = $1
         AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname AND c.conrelid = format('%I', $1::text)::regclass)`,
      [table],
    );
    for (const c of constraints) await client.query(`ALTER TABLE "${table}" DROP CONSTRAINT "${c.name}"`);
    for (const i of indexes) await client.query(`DROP INDEX "${i.name}"`);
    saved.push({ table, constraints, indexes });
  }
  return saved;
}

export async function restoreAfterBulkLoad(client: pg.Client, saved: Saved[]): Promise<void> {
  for (const s of saved) {
    for (const c of s.constraints.filter((c) => c.type !== "f"))
      await client.query(`ALTER TABLE "${s.table}" ADD CONSTRAINT "${c.name}" ${c.def}`);
    for (const i of s.indexes) await client.query(i.def);
    for (const c of s.constraints.filter((c) => c.type === "f"))
      await client.query(`ALTER TABLE "${s.table}" ADD CONSTRAINT "${c.name}" ${c.def}`);
  }
}
