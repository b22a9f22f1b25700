"use client";

/**
 * What a page shows when a form could not reach its action or the server failed, instead of a blank
 * page. A body over the size limit lands here too: the proxy answers it with a 413 that the client
 * cannot read as an action result.
 */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p role="alert" className="mt-2 text-stone-600">
        Nothing was changed. What you sent may have been too large (Waymark takes at most 2 MB at once), or the connection failed. Try again; if it keeps
        happening, tell your Waymark administrator.
      </p>
      <button type="button" onClick={reset} className="mt-4 rounded-md bg-path px-3 py-2 text-sm font-medium text-white shadow-sm hover:bg-path/90">
        Try again
      </button>
    </div>
  );
}
