import { randomBytes } from 'node:crypto';
import { MongoClient, type Db } from 'mongodb';
import { inject } from 'vitest';

export interface TestDb {
  readonly client: MongoClient;
  readonly db: Db;
  /** Drops the database and closes the client. */
  close(): Promise<void>;
}

/** A database of its own on the run's shared server, so that test files never see each other's data. */
export async function testDb(): Promise<TestDb> {
  const client = new MongoClient(inject('mongoUri'), { useBigInt64: true });
  await client.connect();
  const db = client.db(`t_${randomBytes(8).toString('hex')}`);
  return {
    client,
    db,
    close: async () => {
      try {
        await db.dropDatabase();
      } finally {
        await client.close();
      }
    },
  };
}
