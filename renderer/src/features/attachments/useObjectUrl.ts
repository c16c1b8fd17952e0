import { useEffect, useMemo } from 'react';

/** A blob URL for bytes or a Blob, revoked when they change or the component goes. */
export function useObjectUrl(
  content: Uint8Array | Blob | undefined,
  type: string,
): string | undefined {
  // Made during render (cheap: no copy of the bytes), revoked by the effect's cleanup.
  const url = useMemo(() => {
    if (!content) return undefined;
    const blob =
      content instanceof Blob ? content : new Blob([content as Uint8Array<ArrayBuffer>], { type });
    return URL.createObjectURL(blob);
  }, [content, type]);
  useEffect(() => (url ? () => URL.revokeObjectURL(url) : undefined), [url]);
  return url;
}
