// How deliveries are retried and when an endpoint is switched off (docs/api.md "Webhooks").
// The worker may be started with other values (the tests use seconds, not minutes).

export type DeliveryPolicy = {
  /** Attempts after the first (pg-boss retryLimit): 6 attempts in all. */
  retryLimit: number;
  /** First retry delay in seconds, doubled each time with jitter (pg-boss retryBackoff). */
  retryDelaySeconds: number;
  /** Longest pause between two attempts, in seconds. */
  retryDelayMaxSeconds: number;
  /** One attempt's time limit: connecting, sending and the response headers. */
  timeoutMs: number;
  /** An endpoint whose deliveries failed this many times in a row (every attempt) is disabled. */
  disableAfter: number;
};

export const DELIVERY_POLICY: DeliveryPolicy = {
  retryLimit: 5,
  retryDelaySeconds: 30,
  retryDelayMaxSeconds: 3600,
  timeoutMs: 10_000,
  disableAfter: 10,
};
