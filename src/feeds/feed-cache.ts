interface Slot<T> {
  value: T;
  version: number;
  storedAt: number;
  bytes: number;
}

export interface FeedCacheOptions {
  maxEntries: number;
  maxBytes: number;
  /** Milliseconds from a monotonic clock (cache ages are process timing, not dates). */
  now?: () => number;
}

/**
 * A least-recently-used map bounded by entries and bytes. An entry is good only for the change
 * version it was rendered under, and for at most `maxAgeMs`, which the caller shortens when it
 * cannot hear about changes.
 */
export class FeedCache<T> {
  private readonly slots = new Map<string, Slot<T>>();
  private totalBytes = 0;
  private readonly now: () => number;

  constructor(private readonly options: FeedCacheOptions) {
    this.now = options.now ?? (() => performance.now());
  }

  get(key: string, version: number, maxAgeMs: number): T | undefined {
    const slot = this.slots.get(key);
    if (!slot) return undefined;
    if (slot.version !== version || this.now() - slot.storedAt > maxAgeMs) {
      this.remove(key, slot);
      return undefined;
    }
    // Map order is insertion order: re-inserting makes this the most recently used.
    this.slots.delete(key);
    this.slots.set(key, slot);
    return slot.value;
  }

  set(key: string, version: number, value: T, bytes: number): void {
    const old = this.slots.get(key);
    if (old) this.remove(key, old);
    if (bytes > this.options.maxBytes) return;
    this.slots.set(key, { value, version, storedAt: this.now(), bytes });
    this.totalBytes += bytes;
    for (const [oldest, slot] of this.slots) {
      if (this.slots.size <= this.options.maxEntries && this.totalBytes <= this.options.maxBytes) break;
      this.remove(oldest, slot);
    }
  }

  clear(): void {
    this.slots.clear();
    this.totalBytes = 0;
  }

  get size(): number {
    return this.slots.size;
  }

  get bytes(): number {
    return this.totalBytes;
  }

  private remove(key: string, slot: Slot<T>): void {
    this.slots.delete(key);
    this.totalBytes -= slot.bytes;
  }
}
