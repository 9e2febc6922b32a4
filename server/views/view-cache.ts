import { createHash } from 'node:crypto';
import type { GraphStore } from '../../core/store/port';

/** A reply body serialised once: the JSON bytes and their (weak) entity tag, as Express makes it. */
export interface EncodedBody {
  bytes: Buffer;
  etag: string;
}

/** A cached view: its encoded reply and what the handler still needs on a hit (audit details). */
export interface CachedView<M> {
  encoded: EncodedBody;
  meta: M;
}

interface Entry {
  gen: string;
  view: CachedView<unknown>;
}

/**
 * A store that can say cheaply whether its data changed: a token that changes with the data, null
 * while it cannot tell (the SQLite adapter; see `DataGenerationSource` there).
 */
interface GenerationSource {
  dataGeneration(): string | null;
}

/**
 * A reply body as JSON bytes with the weak entity tag Express would give them (its `etag`
 * package: byte length in hex and the first 27 characters of the base64 SHA-1), computed once.
 */
export function encodeBody(body: unknown): EncodedBody {
  const bytes = Buffer.from(JSON.stringify(body), 'utf8');
  const hash = createHash('sha1').update(bytes).digest('base64').substring(0, 27);
  return { bytes, etag: `W/"${bytes.length.toString(16)}-${hash}"` };
}

/** Hits, misses and what the cache holds, for metrics and benchmarks. */
export interface ViewCacheStats {
  hits: number;
  misses: number;
  entries: number;
  bytes: number;
}

/**
 * Masked graph views (ring graphs, neighbourhoods) already built and serialised by this process,
 * keyed by route and every input that shapes the reply, each stamped with the store's data
 * generation when it was built. A view is served again only while the generation is unchanged:
 * any committed load or detection run, from any process, bumps it, so a stale view is never
 * served. The generation is read before the view is built, so a view built across a commit is
 * stamped with the older generation and simply never hit.
 *
 * Only masked views are kept (a reveal is rare and its reply holds personal data in full);
 * every reply, cached or not, is still audited by its handler. Least recently used views go
 * first once `maxBytes` of serialised replies are held. Stores without a data generation
 * (Neo4j) are never cached: `generation()` is null for them.
 */
export class ViewCache {
  private readonly entries = new Map<string, Entry>();
  private held = 0;
  private hits = 0;
  private misses = 0;
  private turnGeneration: string | null | undefined;
  private readonly source: GenerationSource | null;

  constructor(
    store: GraphStore,
    private readonly maxBytes: number,
  ) {
    const candidate = store as Partial<GenerationSource>;
    this.source =
      typeof candidate.dataGeneration === 'function' ? (candidate as GenerationSource) : null;
  }

  /**
   * The store's current data generation, or null when views cannot be cached now. Read once per
   * turn of the event loop and shared by the requests handled in that turn: each of them was
   * received before the turn began, so the view it gets is one the data held while it was being
   * served.
   */
  generation(): string | null {
    if (this.turnGeneration !== undefined) return this.turnGeneration;
    const gen = this.readGeneration();
    this.turnGeneration = gen;
    setImmediate(() => {
      this.turnGeneration = undefined;
    });
    return gen;
  }

  private readGeneration(): string | null {
    if (!this.source || this.maxBytes <= 0) return null;
    try {
      return this.source.dataGeneration();
    } catch {
      return null;
    }
  }

  /** The view under `key` if it was built at generation `gen`; counts a hit or a miss. */
  get<M>(key: string, gen: string): CachedView<M> | null {
    const entry = this.entries.get(key);
    if (!entry || entry.gen !== gen) {
      this.misses++;
      return null;
    }
    this.hits++;
    // Re-insert: a Map iterates in insertion order, so the first key is the least recently used.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.view as CachedView<M>;
  }

  /**
   * Keeps a view built at generation `gen` (read before it was built), unless the generation has
   * moved since, read afresh: then the view may hold data of a load that was still in progress.
   */
  set<M>(key: string, gen: string, view: CachedView<M>): void {
    const size = view.encoded.bytes.length + key.length;
    if (size > this.maxBytes / 8 || this.readGeneration() !== gen) return;
    this.remove(key);
    this.entries.set(key, { gen, view });
    this.held += size;
    for (const [oldest] of this.entries) {
      if (this.held <= this.maxBytes) break;
      this.remove(oldest);
    }
  }

  stats(): ViewCacheStats {
    return { hits: this.hits, misses: this.misses, entries: this.entries.size, bytes: this.held };
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.held -= entry.view.encoded.bytes.length + key.length;
  }
}

/** Where a handler may keep (and find) its masked view: the cache, the generation read, the key. */
export interface ViewSlot {
  cache: ViewCache;
  gen: string;
  key: string;
}

/**
 * The slot of a view for this request, or null when it must be built afresh: a reveal, no cache
 * in the context, or a store without a data generation. `parts` are the route and every input
 * that shapes the reply. Read before the view is built (see `ViewCache`).
 */
export function viewSlot(
  cache: ViewCache | null | undefined,
  reveal: string | undefined,
  parts: Array<string | number | undefined>,
): ViewSlot | null {
  if (!cache || reveal === 'true') return null;
  const gen = cache.generation();
  return gen === null ? null : { cache, gen, key: JSON.stringify(parts) };
}
