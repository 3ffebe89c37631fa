import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

// Prisma's Wasm schema engine (npm devDependency, no download) driven directly, to diff a
// migrated database against schema.prisma. Used by the drift test and by `npm run
// db:new-migration` (development tooling only; the running app never loads it). Unlike the
// stock CLI it needs no native engine binary, and it understands the CHECK constraints in our
// migrations.

const DIFF_FILTERS = { externalTables: [], externalEnums: [] };

const require = createRequire(import.meta.url);

export type Engine = { diff(params: unknown): Promise<{ exitCode: number; stdout?: string | null }> };

// The pg adapter does not map the catalog types `name` (19) and `"char"` (18) or their arrays,
// which introspection queries return: report `name` as text and `"char"` as a Character column
// (the engine reads constraint types such as 'c' for CHECK as a char).
type Patched = {
  performIO: (q: unknown) => Promise<{ fields?: { dataTypeID: number }[] }>;
  queryRaw: (q: unknown) => Promise<{ columnTypes: number[] }>;
  __patched?: boolean;
  __charColumns?: number[];
};
const CHARACTER_COLUMN = 6; // ColumnTypeEnum.Character in @prisma/driver-adapter-utils

function patchCatalogTypes<T extends object>(queryable: T): T {
  let proto: object | null = queryable;
  while (proto && !Object.prototype.hasOwnProperty.call(proto, "performIO")) proto = Object.getPrototypeOf(proto);
  const target = proto as Patched | null;
  if (target && !target.__patched) {
    const performIO = target.performIO;
    target.performIO = async function (this: Patched, query: unknown) {
      const res = await performIO.call(this, query);
      this.__charColumns = [];
      (res.fields ?? []).forEach((f, i) => {
        if (f.dataTypeID === 18) {
          f.dataTypeID = 25;
          this.__charColumns!.push(i);
        } else if (f.dataTypeID === 19) f.dataTypeID = 25;
        else if (f.dataTypeID === 1002 || f.dataTypeID === 1003) f.dataTypeID = 1009;
      });
      return res;
    };
    const queryRaw = target.queryRaw;
    target.queryRaw = async function (this: Patched, query: unknown) {
      const res = await queryRaw.call(this, query);
      for (const i of this.__charColumns ?? []) res.columnTypes[i] = CHARACTER_COLUMN;
      return res;
    };
    target.__patched = true;
  }
  return queryable;
}

class IntrospectingPg extends PrismaPg {
  async connect() {
    return patchCatalogTypes(await super.connect());
  }
}

// The Wasm glue module is a singleton: instantiate it once per process and reuse the engine.
let cached: Promise<Engine> | null = null;

export function loadSchemaEngine(databaseUrl: string, datamodel: string): Promise<Engine> {
  cached ??= instantiate(databaseUrl, datamodel);
  return cached;
}

async function instantiate(databaseUrl: string, datamodel: string): Promise<Engine> {
  const g = globalThis as unknown as { PRISMA_WASM_PANIC_REGISTRY?: unknown };
  g.PRISMA_WASM_PANIC_REGISTRY ??= {
    message: "",
    get() {
      return (this as { message: string }).message;
    },
    set_message(m: string) {
      (this as { message: string }).message = m;
    },
  };
  const wasmDir = path.dirname(require.resolve("@prisma/schema-engine-wasm"));
  const bg = await import(path.join(wasmDir, "schema_engine_bg.js"));
  const instance = new WebAssembly.Instance(new WebAssembly.Module(fs.readFileSync(path.join(wasmDir, "schema_engine_bg.wasm"))), {
    "./schema_engine_bg.js": bg,
  });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
  const factory = bindMigrationAwareSqlAdapterFactory(new IntrospectingPg({ connectionString: databaseUrl }));
  return bg.SchemaEngine.new({ datamodels: [["schema.prisma", datamodel]] }, () => {}, factory);
}

/** SQL that turns the database at `databaseUrl` into `datamodel`; "" when they agree. */
export async function diffDatabaseToSchema(databaseUrl: string, datamodel: string): Promise<string> {
  const engine = await loadSchemaEngine(databaseUrl, datamodel);
  const result = await engine.diff({
    from: { tag: "schemaDatasource", files: [{ path: "schema.prisma", content: datamodel }], configDir: process.cwd() },
    to: { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: datamodel }] },
    script: true,
    exitCode: true,
    filters: DIFF_FILTERS,
  });
  return (result.stdout ?? "").replace(/^--.*$/gm, "").trim();
}
