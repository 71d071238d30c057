import { Module, type DynamicModule, type OnModuleDestroy } from '@nestjs/common';
import { MemoryRevocationStore, type RevocationStore } from '@tokenward/core';
import { RedisRevocationStore } from '@tokenward/redis';
import { Redis } from 'ioredis';
import type { ExampleConfig } from './config.js';

/** The revocation store of the example, and how to close it. */
export class Revocation implements OnModuleDestroy {
  constructor(
    readonly store: RevocationStore,
    readonly kind: 'memory' | 'redis',
    private readonly release: () => Promise<void>,
  ) {}

  /** Closes the store (and the Redis connection it uses) when the app stops. */
  async onModuleDestroy(): Promise<void> {
    await this.release();
  }
}

function create(config: ExampleConfig): Revocation {
  if (config.redisUrl === undefined) {
    const store = new MemoryRevocationStore();
    return new Revocation(store, 'memory', async () => store.close());
  }
  // The store never closes the client it is given: the app owns the connection.
  const client = new Redis(config.redisUrl, { lazyConnect: false, maxRetriesPerRequest: 1 });
  const store = new RedisRevocationStore({ client });
  return new Revocation(store, 'redis', async () => {
    await store.close();
    await client.quit();
  });
}

/** Provides {@link Revocation}: Redis when `REDIS_URL` is set, else memory. */
@Module({})
export class RevocationModule {
  static register(config: ExampleConfig): DynamicModule {
    return {
      module: RevocationModule,
      providers: [{ provide: Revocation, useFactory: () => create(config) }],
      exports: [Revocation],
    };
  }
}
