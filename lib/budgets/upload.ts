import "server-only";

import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";

import { UPLOAD_LIMIT_BYTES, UPLOAD_LIMIT_MB } from "@/lib/security/body-limits";

// Uploaded CSV files are streamed to a private temp directory and handed to the import action
// by an opaque id, never by a path: the action resolves the id inside this directory only, so a
// caller cannot make it read an arbitrary file.

const UPLOAD_DIR = path.join(tmpdir(), "keel-imports");
export const MAX_UPLOAD_BYTES = UPLOAD_LIMIT_BYTES;

export function uploadPath(uploadId: string): string {
  if (!/^[a-f0-9]{32}$/.test(uploadId)) throw new Error("Bad upload id");
  return path.join(UPLOAD_DIR, `${uploadId}.csv`);
}

export const UPLOAD_TOO_LARGE_MESSAGE = `The file is larger than ${UPLOAD_LIMIT_MB} MB; nothing was imported. Split it into smaller files.`;
export const UPLOAD_INCOMPLETE_MESSAGE =
  "The upload did not arrive whole (fewer bytes than the file's size); nothing was imported. Please upload it again.";

/** Why an upload was refused before anything was imported; its message is meant for the user. */
export class UploadRefused extends Error {}

/**
 * Streams a request body to disk; returns its upload id. `declaredBytes` is the request's
 * Content-Length (null for a chunked body): the file is kept only if exactly that many bytes
 * arrived, so a body cut short anywhere between the browser and here is never imported as if
 * it were the whole file. Bodies over MAX_UPLOAD_BYTES are refused as they stream in.
 */
export async function saveUpload(
  body: WebReadableStream<Uint8Array> | ReadableStream<Uint8Array>,
  declaredBytes: number | null,
): Promise<string> {
  if (declaredBytes !== null && declaredBytes > MAX_UPLOAD_BYTES) throw new UploadRefused(UPLOAD_TOO_LARGE_MESSAGE);
  await mkdir(UPLOAD_DIR, { recursive: true, mode: 0o700 });
  const id = randomBytes(16).toString("hex");
  let bytes = 0;
  const limit = async function* (source: AsyncIterable<Uint8Array>) {
    for await (const chunk of source) {
      bytes += chunk.byteLength;
      if (bytes > MAX_UPLOAD_BYTES) throw new UploadRefused(UPLOAD_TOO_LARGE_MESSAGE);
      if (declaredBytes !== null && bytes > declaredBytes) throw new UploadRefused(UPLOAD_INCOMPLETE_MESSAGE);
      yield chunk;
    }
  };
  try {
    await pipeline(Readable.fromWeb(body as WebReadableStream<Uint8Array>), limit, createWriteStream(uploadPath(id), { mode: 0o600 }));
    if (declaredBytes !== null && bytes !== declaredBytes) throw new UploadRefused(UPLOAD_INCOMPLETE_MESSAGE);
  } catch (e) {
    await discardUpload(id);
    throw e instanceof UploadRefused ? e : new UploadRefused(UPLOAD_INCOMPLETE_MESSAGE);
  }
  return id;
}

/** The Content-Length header as a byte count, null when absent (chunked), NaN when malformed. */
export function declaredLength(header: string | null): number | null {
  if (header === null) return null;
  return /^\d{1,15}$/.test(header.trim()) ? Number(header.trim()) : Number.NaN;
}

export async function discardUpload(uploadId: string) {
  await rm(uploadPath(uploadId), { force: true });
}

/** For scripts and tests: the path a file must be written to so that `uploadId` finds it. */
export async function newUploadFile(): Promise<{ uploadId: string; filePath: string }> {
  await mkdir(UPLOAD_DIR, { recursive: true, mode: 0o700 });
  const uploadId = randomBytes(16).toString("hex");
  return { uploadId, filePath: uploadPath(uploadId) };
}

const STAGED_FOR_MS = 24 * 60 * 60_000;

/**
 * Removes uploads older than a day. Imports remove their file when they end; a file staged for a
 * mapped import (checked, then imported by a later request) stays until swept here.
 */
export async function sweepStagedUploads(now = Date.now()) {
  const names = await readdir(UPLOAD_DIR).catch(() => [] as string[]);
  for (const name of names) {
    const file = path.join(UPLOAD_DIR, name);
    const info = await stat(file).catch(() => null);
    if (info && now - info.mtimeMs > STAGED_FOR_MS) await rm(file, { force: true });
  }
}
