"use client";

import { useEffect, useState } from "react";

/**
 * GETs `url` as JSON from the browser (never cached): undefined until the first answer, null when
 * the request failed or was refused, else the body. A null `url` asks nothing and keeps what was
 * loaded; a new `url` or `refreshKey` asks again, keeping the previous answer on screen meanwhile.
 * The one way client components load data after the page (the notification bell, the project
 * and initiative forms' choices).
 */
export function useJson<T>(url: string | null, refreshKey?: string): T | null | undefined {
  const [data, setData] = useState<T | null | undefined>(undefined);
  useEffect(() => {
    if (!url) return;
    const controller = new AbortController();
    fetch(url, { signal: controller.signal, cache: "no-store" })
      .then((r) => (r.ok ? (r.json() as Promise<T>) : null))
      .then(setData)
      .catch(() => {
        if (!controller.signal.aborted) setData(null);
      });
    return () => controller.abort();
  }, [url, refreshKey]);
  return data;
}
