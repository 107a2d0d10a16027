/**
 * The external property naming the outbox entry that made a Clio record (a communication, a calendar entry): a
 * resend looks for a record carrying it before it creates another. One name for every kind of record.
 */
export const ENTRY_PROPERTY = 'clio-companion-entry';
