/**
 * How the tests, the e2e spec and the bench make a database on the PostgreSQL server: as
 * docs/gemensamt-register.md tells IT to make the register, UTF-8 with ICU's Swedish as the
 * default collation, so nothing in the app leans on a C collation by accident (the app's own
 * lists sort with `COLLATE svenska` regardless). A test checks that the docs say the same.
 */
export const CREATE_DATABASE_OPTIONS = "ENCODING 'UTF8' LOCALE_PROVIDER icu ICU_LOCALE 'sv-SE' LOCALE 'C.UTF-8' TEMPLATE template0";
