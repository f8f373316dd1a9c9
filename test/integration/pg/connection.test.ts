/**
 * Connecting to a real PostgreSQL (issue 18): it works, and a wrong password, a missing database
 * and a closed port are each said in Swedish.
 */
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { openSharedPool, parseSharedRegisterUrl, SharedRegisterError } from '../../../main/db/pg/connection';
import { adminUrl, urlOf, useTestDatabase } from './harness';

describe.runIf(adminUrl)('connecting to the shared register', () => {
  const database = useTestDatabase('pk_connection');

  it('opens a pool to the server and runs a query', async () => {
    const pool = await openSharedPool(parseSharedRegisterUrl(database.url));
    try {
      expect((await pool.query<{ one: number }>('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    } finally {
      await pool.end();
    }
  });

  it('a wrong password is said in Swedish', async () => {
    const url = new URL(database.url);
    url.password = 'fel-losenord';
    await expect(openSharedPool(parseSharedRegisterUrl(url.toString()))).rejects.toThrow(/Inloggningen till det gemensamma registret nekades/);
  });

  it('a database that does not exist is said in Swedish', async () => {
    await expect(openSharedPool(parseSharedRegisterUrl(urlOf('pk_finns_inte')))).rejects.toThrow(/Databasen pk_finns_inte finns inte/);
  });
});

describe('a server that does not answer', () => {
  it('a closed port is said in Swedish', async () => {
    // A port that was free a moment ago: nothing listens there.
    const port = await new Promise<number>((resolve) => {
      const server = net.createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = server.address() as net.AddressInfo;
        server.close(() => resolve(free));
      });
    });
    const error = await openSharedPool(parseSharedRegisterUrl(`postgres://u@127.0.0.1:${port}/reg?sslmode=disable`)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SharedRegisterError);
    expect((error as Error).message).toBe(`Databasservern 127.0.0.1:${port} tar inte emot anslutningar. Kontrollera adressen och porten, eller att servern är igång.`);
  });
});
