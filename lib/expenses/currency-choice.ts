/**
 * The currency a matter's money is shown in (an expense's amount, an activity's rate): the matter's own when Clio
 * gives one (`currency{code}`: firms that bill in several currencies), else the firm's billing currency
 * (`GET /settings/billing`), else none (amounts are shown as bare numbers). Pure.
 */
const ISO_4217 = /^[A-Z]{3}$/;

export function currencyFor(matter: string | null | undefined, firm: string | null | undefined): string | null {
  if (matter && ISO_4217.test(matter)) return matter;
  return firm && ISO_4217.test(firm) ? firm : null;
}
