import { useCallback, useEffect, useRef, useState } from 'react';

export type SaveStatus = 'saved' | 'pending' | 'saving' | 'error';

type Patch<Key extends string> = Record<Key, Record<string, unknown>>;

/**
 * Saves changes as the person makes them: changes wait a moment to be sent together, one request
 * at a time; a failed save keeps its changes for the next attempt (never overwriting newer ones).
 * The status says whether everything on screen is saved, for the "saved" indicator.
 */
export function useAutosave<Key extends string>(fields: readonly Key[], send: (patch: Partial<Patch<Key>>) => Promise<unknown>, delay = 450) {
  const empty = useCallback(() => Object.fromEntries(fields.map((field) => [field, {}])) as Patch<Key>, [fields]);
  const pending = useRef<Patch<Key>>(empty());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inflight = useRef<Promise<void> | null>(null);
  const sendRef = useRef(send);
  const [status, setStatus] = useState<SaveStatus>('saved');
  const [error, setError] = useState<unknown>(null);
  const [savedAt, setSavedAt] = useState<Date | null>(null);

  useEffect(() => {
    sendRef.current = send;
  }, [send]);

  const hasPending = () => fields.some((field) => Object.keys(pending.current[field]).length > 0);

  const flush = useCallback(async (): Promise<void> => {
    clearTimeout(timer.current);
    while (inflight.current) await inflight.current;
    if (!fields.some((field) => Object.keys(pending.current[field]).length > 0)) return;
    const body = pending.current;
    pending.current = empty();
    const patch = Object.fromEntries(fields.filter((field) => Object.keys(body[field]).length > 0).map((field) => [field, body[field]])) as Partial<Patch<Key>>;
    setStatus('saving');
    const request = sendRef.current(patch);
    inflight.current = request.then(() => undefined, () => undefined).finally(() => {
      inflight.current = null;
    });
    try {
      await request;
      setError(null);
      setSavedAt(new Date());
      setStatus(fields.some((field) => Object.keys(pending.current[field]).length > 0) ? 'pending' : 'saved');
    } catch (failure) {
      // Put the unsent changes back, under anything newer.
      for (const field of fields) pending.current[field] = { ...body[field], ...pending.current[field] };
      setError(failure);
      setStatus('error');
      throw failure;
    }
  }, [fields, empty]);

  const queue = useCallback((field: Key, changes: Record<string, unknown>) => {
    pending.current[field] = { ...pending.current[field], ...changes };
    setStatus('pending');
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush().catch(() => undefined), delay);
  }, [flush, delay]);

  // Leaving with unsaved changes asks first; the changes are also sent when the page unmounts.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (hasPending() || inflight.current) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      if (hasPending()) void flush().catch(() => undefined);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [flush]);

  return { queue, flush, status, error, savedAt };
}
