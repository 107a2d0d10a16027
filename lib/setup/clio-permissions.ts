/**
 * The permissions to tick on the firm's app in Clio's developer portal (pure data): each names the API resources
 * (the Manage v4 spec's tags, docs/clio) the extension calls under it, and whether it writes there. A unit test
 * (tests/unit/setup/clio-permissions.test.ts) reads every Clio path lib/ calls and holds this list to them: a call
 * without its permission here, or a permission nothing calls, fails it. The names are Clio's own (the portal is in
 * English), shown as they are, grouped as the README's "Registering your firm's Clio app" has them.
 */
export interface ClioPermission {
  name: string;
  /** Read and write (the extension creates or changes records there); otherwise read only. */
  write: boolean;
  /** The spec's tags of the resources called. */
  covers: string[];
}

export const CLIO_PERMISSIONS: readonly ClioPermission[] = [
  { name: 'Users', write: false, covers: ['Users'] },
  // Personal injury's damages and medical records details are in the spec's Matters group.
  { name: 'Matters', write: true, covers: ['Matters', 'Medical Records Details', 'Damages'] },
  { name: 'Contacts', write: false, covers: ['Contacts', 'Relationships'] },
  { name: 'Activities', write: true, covers: ['Activities', 'Timers', 'Activity Descriptions', 'Expense Categories'] },
  { name: 'Documents', write: true, covers: ['Documents'] },
  { name: 'Communications', write: true, covers: ['Communications'] },
  { name: 'Notes', write: true, covers: ['Notes'] },
  { name: 'Tasks', write: true, covers: ['Tasks'] },
  { name: 'Calendars', write: true, covers: ['Calendar Entries', 'Calendars'] },
  { name: 'Accounting', write: true, covers: ['Bills', 'Outstanding Client Balances', 'Bank Accounts', 'Trust Requests', 'Billing Settings'] },
  { name: 'Clio Payments', write: true, covers: ['Clio Payments Links', 'Clio Payments Payments'] },
];
