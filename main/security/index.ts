export * from './origin';
export * from './csp';
export * from './assets';
