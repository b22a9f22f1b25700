/**
 * The largest request body a server action takes, in bytes. A people CSV may be up to 1 MB; the
 * rest is room for the form around it. Next answers a larger body with a 500, so the proxy turns
 * it away first with a 413 and this message.
 */
export const ACTION_BODY_LIMIT = 2 * 1024 * 1024;

export const ACTION_BODY_TOO_LARGE = "That was too large to send: Waymark takes at most 2 MB at once. Nothing was changed.";
