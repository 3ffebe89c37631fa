import "server-only";

import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";

// Uploaded CSV files are streamed to a private temp directory and handed to the import action
// by an opaque id, never by a path: the action resolves the id inside this directory only, so a
// caller cannot make it read an arbitrary file.

const UPLOAD_DIR = path.join(tmpdir(), "keel-imports");
export const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;

export function uploadPath(uploadId: string): string {
  if (!/^[a-f0-9]{32}$/.test(uploadId)) throw new Error("Bad upload id");
  return path.join(UPLOAD_DIR, `${uploadId}.csv`);
}

/** Streams a request body to disk; returns its upload id. Refuses bodies over MAX_UPLOAD_BYTES. */
export async function saveUpload(body: WebReadableStream<Uint8Array> | ReadableStream<Uint8Array>): Promise<string> {
  await mkdir(UPLOAD_DIR, { recursive: true, mode: 0o700 });
  const id = randomBytes(16).toString("hex");
  let bytes = 0;
  const limit = async function* (source: AsyncIterable<Uint8Array>) {
    for await (const chunk of source) {
      bytes += chunk.byteLength;
      if (bytes > MAX_UPLOAD_BYTES) throw new Error("UPLOAD_TOO_LARGE");
      yield chunk;
    }
  };
  try {
    await pipeline(Readable.fromWeb(body as WebReadableStream<Uint8Array>), limit, createWriteStream(uploadPath(id), { mode: 0o600 }));
  } catch (e) {
    await discardUpload(id);
    throw e;
  }
  return id;
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
