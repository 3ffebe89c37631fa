// How large a request body may be, in one place: next.config.ts gives Next.js the server-action
// limit, proxy.ts refuses a larger action with a 413 naming it, and the forms check a file's
// size before sending it. Pure constants: imported by next.config.ts and client components.

/** The largest text an action's schema accepts: the hiring-plan CSV (lib/headcount/schemas.ts). */
export const HIRING_PLAN_MAX_CHARS = 2_000_000;

/**
 * Server actions: the hiring-plan CSV travels as a JSON string inside the action's body. Its
 * 2,000,000 characters take at most 6 MB as UTF-8 (3 bytes per character), plus one escape
 * byte per quote or line break; 8 MB holds every text the schema accepts except one made
 * mostly of control characters (escaped as 6 bytes each), which gets the 413 message.
 */
export const ACTION_BODY_LIMIT_MB = 8;
export const ACTION_BODY_LIMIT_BYTES = ACTION_BODY_LIMIT_MB * 1024 * 1024;

/** CSV uploads (the budget import route streams them to disk, outside the proxy). */
export const UPLOAD_LIMIT_MB = 100;
export const UPLOAD_LIMIT_BYTES = UPLOAD_LIMIT_MB * 1024 * 1024;

export const ACTION_TOO_LARGE_MESSAGE = `The request is larger than ${ACTION_BODY_LIMIT_MB} MB, the most a form can send; nothing was saved.`;
