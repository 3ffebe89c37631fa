-- Column mappings of HRIS employee exports (people sync) are saved like ledger mappings.
ALTER TYPE "ImportKind" ADD VALUE 'PEOPLE';
