/**
 * Shared setup for tests over a real SQLite register: a fresh register per test, closed and
 * removed after it, and the ServiceError a refused call rejects with. Each test file still
 * imports its own data in its own beforeEach (the data documents the test).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect } from 'vitest';
import { openDatabase, type Connection } from '../../../main/db/connection';
import { createServices, type Services } from '../../../main/services';
import { ServiceError } from '../../../main/services/errors';
import { testClock, type TestClock } from '../../clock';

export interface ServiceDatabase {
  readonly connection: Connection;
  readonly services: Services;
  /** The register's file (register.sqlite in the test's own temp dir), to open a second connection to it. */
  readonly file: string;
  /** The services' clock: on TEST_NOW until the test moves it. */
  readonly clock: TestClock;
}

/**
 * Registers beforeEach/afterEach that open a fresh register with its services and close it again.
 * With a prefix the register is a file in a new temp dir named by it (removed after the test);
 * without one it lives in memory. Read the fields inside tests and hooks, not at load time.
 */
export function useServiceDatabase(prefix?: string): ServiceDatabase {
  let dir: string | undefined;
  let file = ':memory:';
  let connection: Connection;
  let services: Services;
  let clock: TestClock;
  beforeEach(async () => {
    if (prefix !== undefined) {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
      file = path.join(dir, 'register.sqlite');
    }
    connection = await openDatabase(file);
    clock = testClock();
    services = createServices(connection.db, { clock });
  });
  afterEach(async () => {
    await connection.close();
    if (dir !== undefined) fs.rmSync(dir, { recursive: true, force: true });
  });
  return {
    get connection() {
      return connection;
    },
    get services() {
      return services;
    },
    get file() {
      return file;
    },
    get clock() {
      return clock;
    },
  };
}

/** Opens in-memory registers inside a test (for tests that need two); each is closed after the test. */
export function useRegisters(): () => Promise<{ connection: Connection; services: Services; clock: TestClock }> {
  const open: Connection[] = [];
  afterEach(async () => {
    for (const connection of open.splice(0)) await connection.close();
  });
  return async () => {
    const connection = await openDatabase(':memory:');
    open.push(connection);
    const clock = testClock();
    return { connection, services: createServices(connection.db, { clock }), clock };
  };
}

/**
 * A fresh temp dir per test, named by prefix. After the test, the connections handed to
 * `closeAfter` are closed, then the dir is removed. Read `dir` inside tests and hooks.
 */
export function useTempDir(prefix: string): { readonly dir: string; closeAfter(connection: Connection): Connection } {
  let dir: string;
  const open: Connection[] = [];
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  });
  afterEach(async () => {
    for (const connection of open.splice(0)) await connection.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return {
    get dir() {
      return dir;
    },
    closeAfter(connection) {
      open.push(connection);
      return connection;
    },
  };
}

/** The ServiceError a promise rejects with; resolving, or rejecting with anything else, fails the test. */
export async function failure(promise: Promise<unknown>): Promise<ServiceError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ServiceError);
  return error as ServiceError;
}

/** The refusal as plain data ({ code, message, issues }), for comparing it whole with toEqual. */
export async function issuesOf(promise: Promise<unknown>): Promise<{ code: string; message: string; issues: { path: string; message: string }[] }> {
  const { code, message, issues } = await failure(promise);
  return { code, message, issues };
}
