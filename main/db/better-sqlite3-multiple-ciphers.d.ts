/**
 * The package ships index.d.ts but its package.json "exports" hides it from TypeScript's
 * "Bundler" resolution. Its API is better-sqlite3's (plus key/rekey, which we use via PRAGMA),
 * so borrow @types/better-sqlite3.
 */
declare module 'better-sqlite3-multiple-ciphers' {
  import Database from 'better-sqlite3';
  export = Database;
}
