/**
 * "Testa anslutningen" against a server that lets one in and then never answers (issue 18): the
 * settings page's test ends with a Swedish message within its time, instead of "Testar…" for ever.
 * The server here speaks just enough of PostgreSQL's protocol to accept a login.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SharedRegisterError, type SharedRegisterAddress } from '../../../main/db/pg/connection';
import { probeSharedRegister } from '../../../main/db/pg/register';

let server: net.Server;
let port = 0;
/** The server does not even answer the login. */
let mute = false;
const sockets = new Set<net.Socket>();

/** One message of PostgreSQL's protocol: a type byte, the length, the body. */
function message(type: string, body: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeInt32BE(body.length + 4);
  return Buffer.concat([Buffer.from(type), length, body]);
}

beforeAll(async () => {
  server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.once('data', () => {
      if (mute) return;
      // AuthenticationOk, then ReadyForQuery; every query after that is left unanswered.
      socket.write(Buffer.concat([message('R', Buffer.from([0, 0, 0, 0])), message('Z', Buffer.from('I'))]));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as net.AddressInfo).port;
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => server.close(resolve));
});

describe('testing the connection to a server that stops answering', () => {
  it('gives up within its time and says so in Swedish', async () => {
    const address: SharedRegisterAddress = { host: '127.0.0.1', port, database: 'reg', user: 'anna_provsson', password: null, tls: { mode: 'disable' } };
    const started = Date.now();
    const error = await probeSharedRegister(address, { connectTimeoutMs: 1000, queryTimeoutMs: 300 }).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(error).toBeInstanceOf(SharedRegisterError);
    expect((error as SharedRegisterError).message).toBe(`Databasservern 127.0.0.1:${port} släppte in anna_provsson men svarade sedan inte. Försök igen, eller be IT se efter servern.`);
  });

  it('a server that takes the connection but never answers the login gives up at the connection time', async () => {
    mute = true;
    const address: SharedRegisterAddress = { host: '127.0.0.1', port, database: 'reg', user: 'anna_provsson', password: null, tls: { mode: 'disable' } };
    const started = Date.now();
    const error = await probeSharedRegister(address, { connectTimeoutMs: 300, queryTimeoutMs: 300 }).catch((e: unknown) => e);
    mute = false;
    expect(Date.now() - started).toBeLessThan(3000);
    expect(error).toBeInstanceOf(SharedRegisterError);
  });
});
