// The part of fs-native-extensions (which ships no types) that lib/embedded-db.ts uses.
declare module "fs-native-extensions" {
  /** An exclusive (or shared) lock on the whole file; false when another holder has it. */
  export function tryLock(fd: number, opts?: { shared?: boolean }): boolean;
  export function unlock(fd: number): void;
}
