"use client";

import { useCallback, useEffect, useRef, useState } from "react";

/** What a save answers: the new revision, or why it failed (a stale revision is a conflict). */
export type SaveOutcome =
  | { ok: true; revision: number; savedAt: string }
  | { ok: false; message: string; conflict: boolean; fieldErrors: Record<string, string[]> };

export type AutosaveStatus =
  | { kind: "saved"; at: Date | null }
  | { kind: "unsaved" }
  | { kind: "saving" }
  | { kind: "error"; message: string }
  | { kind: "conflict"; message: string };

type Options<T> = {
  /** Where this browser keeps its copy of the value between saves, e.g. `waymark:assessment:<id>`. */
  storageKey: string;
  /** The value and revision the server sent with the page. */
  initial: T;
  revision: number;
  /** Saves the whole value on top of `revision`; typically a server action passed down as a prop. */
  save: (value: T, revision: number) => Promise<SaveOutcome>;
  /** Quiet time after the last change before saving. */
  delay?: number;
};

const RETRY_DELAY = 5000;
const unreachable: SaveOutcome = {
  ok: false,
  message: "The server could not be reached. Your text is kept in this browser; saving will be tried again.",
  conflict: false,
  fieldErrors: {},
};

/**
 * Saves an edited value a moment after typing stops. Every change is kept in this browser at once,
 * so closing the tab or losing the network loses nothing: the copy is brought back on the next
 * visit and saving resumes when the browser is online again. A save on a stale revision (someone
 * else saved meanwhile, e.g. another tab) stops saving for good, so that nothing is overwritten:
 * the status then offers a reload.
 */
export function useAutosave<T>({ storageKey, initial, revision: initialRevision, save, delay = 800 }: Options<T>) {
  const [value, setValue] = useState<T>(initial);
  const [status, setStatus] = useState<AutosaveStatus>({ kind: "saved", at: null });
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const revision = useRef(initialRevision);
  const latest = useRef(value);
  const dirty = useRef(false);
  const inFlight = useRef<Promise<SaveOutcome> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const stopped = useRef(false);
  const saveFn = useRef(save);
  const flushRef = useRef<() => Promise<SaveOutcome | null>>(async () => null);

  useEffect(() => {
    saveFn.current = save;
  }, [save]);

  const keep = useCallback((next: T, base: number) => localStorage.setItem(storageKey, JSON.stringify({ baseRevision: base, value: next })), [storageKey]);

  const schedule = useCallback(
    (wait = delay) => {
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flushRef.current(), wait);
    },
    [delay],
  );

  /** Saves now if anything is unsaved; answers null when there was nothing to save. */
  const flush = useCallback(async (): Promise<SaveOutcome | null> => {
    clearTimeout(timer.current);
    if (stopped.current) return null;
    if (inFlight.current) await inFlight.current;
    if (!dirty.current) return null;
    dirty.current = false;
    setStatus({ kind: "saving" });
    const request = saveFn.current(latest.current, revision.current).catch(() => unreachable);
    inFlight.current = request;
    const result = await request;
    inFlight.current = null;
    if (result.ok) {
      revision.current = result.revision;
      keep(latest.current, result.revision);
      setFieldErrors({});
      setStatus(dirty.current ? { kind: "unsaved" } : { kind: "saved", at: new Date(result.savedAt) });
      if (dirty.current) schedule();
    } else if (result.conflict) {
      stopped.current = true;
      setStatus({ kind: "conflict", message: result.message });
    } else {
      dirty.current = true;
      setFieldErrors(result.fieldErrors);
      setStatus({ kind: "error", message: result.message });
      schedule(RETRY_DELAY);
    }
    return result;
  }, [keep, schedule]);

  useEffect(() => {
    flushRef.current = flush;
  }, [flush]);

  /** Applies a change, keeps it in this browser and schedules a save. Ignored once saving has stopped. */
  const change = useCallback(
    (update: (previous: T) => T) => {
      if (stopped.current) return;
      const next = update(latest.current);
      latest.current = next;
      dirty.current = true;
      setValue(next);
      setStatus({ kind: "unsaved" });
      keep(next, revision.current);
      schedule();
    },
    [keep, schedule],
  );

  // Bring back a copy typed here that never reached the server (tab closed, network gone), unless
  // the server's copy has moved on since.
  useEffect(() => {
    const stored = localStorage.getItem(storageKey);
    if (!stored) return;
    try {
      const { baseRevision, value: saved } = JSON.parse(stored) as { baseRevision: number; value: T };
      if (saved !== undefined && baseRevision === initialRevision && JSON.stringify(saved) !== JSON.stringify(initial)) {
        latest.current = saved;
        dirty.current = true;
        // Restoring from this browser's own copy after mount: the server's page could not know it.
        // eslint-disable-next-line react-hooks/set-state-in-effect
        setValue(saved);
        setStatus({ kind: "unsaved" });
        schedule();
      }
    } catch {
      localStorage.removeItem(storageKey);
    }
  }, [storageKey, initialRevision, initial, schedule]);

  useEffect(() => {
    const retry = () => dirty.current && void flush();
    const warn = (e: BeforeUnloadEvent) => {
      if (dirty.current || inFlight.current) e.preventDefault();
    };
    window.addEventListener("online", retry);
    window.addEventListener("beforeunload", warn);
    return () => {
      window.removeEventListener("online", retry);
      window.removeEventListener("beforeunload", warn);
      clearTimeout(timer.current);
    };
  }, [flush]);

  /** Shows a failure of a follow-up step (e.g. submitting) in the same status; a conflict stops saving. */
  const fail = useCallback((result: Extract<SaveOutcome, { ok: false }>) => {
    if (result.conflict) stopped.current = true;
    setFieldErrors(result.fieldErrors);
    setStatus(result.conflict ? { kind: "conflict", message: result.message } : { kind: "error", message: result.message });
  }, []);

  /** Forgets this browser's copy, once the value is final on the server. */
  const discard = useCallback(() => localStorage.removeItem(storageKey), [storageKey]);

  const currentRevision = useCallback(() => revision.current, []);

  return { value, change, status, fieldErrors, flush, fail, discard, currentRevision };
}
