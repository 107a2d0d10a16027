/**
 * The permissions to tick on the firm's app in Clio's developer portal (pure data): each names the API resources
 * (the Manage v4 spec's tags, docs/clio) the extension calls under it, and whether it writes there. A unit test
 * (tests/unit/setup/clio-permissions.test.ts) reads every Clio path lib/ calls and holds this list to them: a call
 * without its permission here, or a permission nothing calls, fails it. The names are Clio's own (the portal is in
 * English), shown as they are.
 */
export interface ClioPermission {
  name: string;
  /** Read and write (the extension creates or changes records there); otherwise read only. */
  write: boolean;
  /** The spec's tags of the resources called. */
  covers: string[];
}

export const CLIO_PERMISSIONS: readonly ClioPermission[] = [
  { name: 'Activities', write: true, covers: ['Activities', 'Timers', 'Activity Descriptions', 'Expense Categories'] },
  { name: 'Calendars', write: true, covers: ['Calendar Entries', 'Calendars'] },
  { name: 'Communications', write: true, covers: ['Communications'] },
  { name: 'Documents', write: true, covers: ['Documents'] },
  { name: 'Notes', write: true, covers: ['Notes'] },
  { name: 'Tasks', write: true, covers: ['Tasks'] },
  { name: 'Medical Records', write: true, covers: ['Medical Records Details', 'Damages'] },
  { name: 'Clio Payments', write: true, covers: ['Clio Payments Links', 'Clio Payments Payments'] },
  { name: 'Accounting', write: true, covers: ['Trust Requests', 'Bank Accounts'] },
  { name: 'Matters', write: false, covers: ['Matters'] },
  { name: 'Contacts', write: false, covers: ['Contacts', 'Relationships'] },
  { name: 'Billing', write: false, covers: ['Bills', 'Billing Settings', 'Outstanding Client Balances'] },
  { name: 'Users', write: false, covers: ['Users'] },
];
