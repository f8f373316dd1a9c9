/** The help texts, in Swedish or English (`--lang en`, or LANG starting with `en`). */
import type { Command, Lang } from './command';
import { commands } from './commands';

const program = 'placeringskollen';

const texts = {
  sv: {
    title: 'Placeringskollen – kommandoraden',
    usage: 'Användning',
    commandWord: '<kommando> [flaggor]',
    commands: 'Kommandon',
    global: 'Flaggor för alla kommandon',
    globalFlags: [
      ['--help', 'visar hjälpen; <kommando> --help visar hjälp om kommandot'],
      ['--lang sv|en', 'hjälpens språk (svenska, eller engelska om LANG börjar med en)'],
      ['--debug', 'visar tekniska detaljer om ett oväntat fel'],
    ] as [string, string][],
    environment: 'Miljö',
    key: 'PLACERINGSKOLLEN_DB_KEY  nyckeln till en krypterad databas: 64 hexadecimala tecken (openssl rand -hex 32)',
    password: 'PGPASSWORD               lösenordet till ett gemensamt register, när adressen inte har det',
    shared: '--db tar en databasfil eller ett gemensamt registers adress: postgres://inloggning@server/databas?sslrootcert=kommunens-ca.pem',
    exitCodes: 'Slutkoder: 0 klart; 2 fel i indata eller argument (ett fel per rad på standard fel); 1 annat fel.',
    more: `Mer om ett kommando: ${program} <kommando> --help`,
  },
  en: {
    title: 'Placeringskollen – the command line',
    usage: 'Usage',
    commandWord: '<command> [flags]',
    commands: 'Commands',
    global: 'Flags for every command',
    globalFlags: [
      ['--help', 'shows this help; <command> --help shows help on the command'],
      ['--lang sv|en', 'language of the help (Swedish, or English when LANG starts with en)'],
      ['--debug', 'shows technical details of an unexpected error'],
    ] as [string, string][],
    environment: 'Environment',
    key: 'PLACERINGSKOLLEN_DB_KEY  the key of an encrypted database: 64 hexadecimal characters (openssl rand -hex 32)',
    password: "PGPASSWORD               the shared register's password, when its address has none",
    shared: "--db takes a database file or a shared register's address: postgres://login@server/database?sslrootcert=municipal-ca.pem",
    exitCodes: 'Exit codes: 0 done; 2 invalid input or arguments (one problem per line on standard error); 1 anything else.',
    more: `More on a command: ${program} <command> --help`,
  },
} satisfies Record<Lang, unknown>;

export function overview(lang: Lang): string {
  const t = texts[lang];
  return [
    t.title,
    '',
    `${t.usage}: ${program} ${t.commandWord}`,
    '',
    `${t.commands}:`,
    ...commands.flatMap((c) => [`  ${c.usage[lang]}`, `      ${c.summary[lang]}`]),
    '',
    `${t.global}:`,
    ...t.globalFlags.map(([flag, text]) => `  ${flag.padEnd(14)}${text}`),
    '',
    t.shared,
    '',
    `${t.environment}:`,
    `  ${t.key}`,
    `  ${t.password}`,
    '',
    t.exitCodes,
    t.more,
    '',
  ].join('\n');
}

export function commandHelp(command: Command, lang: Lang): string {
  const t = texts[lang];
  return [
    `${t.usage}: ${program} ${command.usage[lang]}`,
    '',
    command.summary[lang],
    ...(command.details.length > 0 ? ['', ...command.details.map((d) => d[lang])] : []),
    '',
    t.exitCodes,
    '',
  ].join('\n');
}
