// better-sqlite3-multiple-ciphers ships typings that its package.json "exports" hides from
// TypeScript; its API is better-sqlite3's, so borrow those types.
declare module 'better-sqlite3-multiple-ciphers' {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the only way to re-export an `export =` module
  import Database = require('better-sqlite3');
  export = Database;
}
