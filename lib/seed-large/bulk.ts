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
    // Foreign keys of other tables that point at this one would keep its primary key from being
    // dropped: they are dropped too, and re-added with the rest.
    const { rows: referencing } = await client.query<{ table: string; name: string; def: string }>(
      `SELECT r.relname AS table, c.conname AS name, pg_get_constraintdef(c.oid) AS def
       FROM pg_constraint c JOIN pg_class r ON r.oid = c.conrelid
       WHERE c.contype = 'f' AND c.confrelid = format('%I', $1::text)::regclass AND c.conrelid <> c.confrelid AND NOT r.relname = ANY($2::text[])`,
      [table, tables],
    );
    for (const f of referencing) {
      await client.query(`ALTER TABLE "${f.table}" DROP CONSTRAINT "${f.name}"`);
      saved.push({ table: f.table, constraints: [{ name: f.name, def: f.def, type: "f" }], indexes: [] });
    }
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
  // Keys and indexes of every table first: a foreign key needs the key it points at.
  for (const s of saved) {
    for (const c of s.constraints.filter((c) => c.type !== "f"))
      await client.query(`ALTER TABLE "${s.table}" ADD CONSTRAINT "${c.name}" ${c.def}`);
    for (const i of s.indexes) await client.query(i.def);
  }
  for (const s of saved)
    for (const c of s.constraints.filter((c) => c.type === "f"))
      await client.query(`ALTER TABLE "${s.table}" ADD CONSTRAINT "${c.name}" ${c.def}`);
}
