/** The app itself: what the footer and the start screen say, and the fictional demo register. */
import { z } from 'zod';
import { channel } from './channel';
import { date, empty } from './fields';

export interface AppInfo {
  version: string;
  host: 'electron' | 'browser';
  /** The register's file; for a shared register its login, server and database. */
  databasePath: string;
  /** The file encrypted; for a shared register, the connection (TLS). */
  encrypted: boolean;
  /** A file on this computer, or the unit's shared register on PostgreSQL. */
  register: 'local' | 'shared';
  homeCount: number;
  /** The register holds the fictional demo homes: the app says so until they are removed. */
  demoData: boolean;
}

/** How many demo records were loaded or removed. */
export interface DemoLoadResult {
  homes: number;
  persons: number;
  children: number;
  placements: number;
  events: number;
}

export const appChannels = {
  getAppInfo: channel(empty).returns<AppInfo>(),
  /** Dated relative to `today` (main's today when left out). */
  loadDemoData: channel(z.object({ today: date.optional() }).strict()).returns<DemoLoadResult>(),
  removeDemoData: channel(empty).returns<DemoLoadResult>(),
  /** Changes whenever anything the lists show is written, by anyone: the window asks it every few seconds. */
  getChangeStamp: channel(empty).returns<{ stamp: string }>(),
};
