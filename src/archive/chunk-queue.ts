/**
 * A push-to-pull bridge: rows arrive as messages (from the page to a Web Worker) and `exportArchive` reads them
 * as an async iterable. Items wait in the queue only until the export takes them; the producer learns when each
 * is taken (`onTaken`) so it can keep just one or two chunks in flight.
 */

/** See `createChunkQueue`. */
export interface ChunkQueue<T> {
  readonly iterable: AsyncIterable<T>;
  /** Adds an item; ignored after `end` or `fail`. */
  push(item: T): void;
  /** No more items: the iteration finishes after the queued ones. */
  end(): void;
  /** The iteration throws this error after the queued items. */
  fail(error: Error): void;
  /** Items pushed but not yet taken. */
  readonly size: number;
}

/**
 * Creates a queue. Single consumer.
 * @param onTaken called each time the consumer takes an item (e.g. to post an acknowledgement).
 * @example
 * const queue = createChunkQueue<RowChunk>();
 * queue.push(chunk); queue.end();
 * for await (const c of queue.iterable) { ... }
 */
export function createChunkQueue<T>(onTaken?: (item: T) => void): ChunkQueue<T> {
  const items: T[] = [];
  let head = 0;
  let ended = false;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const notify = (): void => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  async function* iterate(): AsyncGenerator<T> {
    for (;;) {
      if (head < items.length) {
        const item = items[head];
        items[head++] = undefined as unknown as T;
        if (head > 1024 && head * 2 > items.length) {
          items.splice(0, head);
          head = 0;
        }
        onTaken?.(item);
        yield item;
        continue;
      }
      if (failure) throw failure;
      if (ended) return;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  }
  return {
    iterable: { [Symbol.asyncIterator]: iterate },
    push(item) {
      if (ended || failure) return;
      items.push(item);
      notify();
    },
    end() {
      ended = true;
      notify();
    },
    fail(error) {
      failure = error;
      notify();
    },
    get size() {
      return items.length - head;
    },
  };
}
