import type { Pool } from 'undici';

/**
 * One keep-alive undici Pool per bot origin, made on the first webhook to it. undici itself is
 * loaded with the first delivery rather than with every start of the mock.
 */
export class BotPools {
  private readonly pools = new Map<string, Pool>();

  /** The origin's pool when it exists: no await (a promise and a turn) after the first delivery. */
  ready(url: URL): Pool | undefined {
    return this.pools.get(url.origin);
  }

  async get(url: URL): Promise<Pool> {
    let pool = this.pools.get(url.origin);
    if (!pool) {
      const { Pool } = await import('undici');
      pool =
        this.pools.get(url.origin) ??
        new Pool(url.origin, { connections: 16, pipelining: 1, keepAliveTimeout: 4000 });
      this.pools.set(url.origin, pool);
    }
    return pool;
  }

  /** Closes every connection at once, failing the requests waiting on them; new pools follow. */
  destroy(): void {
    const pools = [...this.pools.values()];
    this.pools.clear();
    for (const pool of pools) void pool.destroy().catch(() => undefined);
  }

  /** Closes every pool once its requests are done. */
  async close(): Promise<void> {
    const pools = [...this.pools.values()];
    this.pools.clear();
    await Promise.all(pools.map((pool) => pool.close()));
  }
}
