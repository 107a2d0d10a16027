/** Messages `injury/…`: a personal-injury matter's medical details and added damages, and saving a damage or a medical bill (through the outbox). */
import type { FamilyHandlers } from '@/lib/messaging/serve';
import type { Services } from '../services';

export const injuryMessages = ({ injury }: Services): FamilyHandlers<'injury'> => ({
  'injury/medical': ({ matterId }) => injury.medical(matterId),
  'injury/damages': ({ matterId }) => injury.damagesOf(matterId),
  'injury/add-damage': ({ damage, key }) => injury.addDamage(damage, key),
  'injury/add-bill': ({ bill, key }) => injury.addBill(bill, key),
  'injury/page-pdfs': ({ windowId }) => injury.pagePdfs(windowId),
  'injury/keep-pdf': ({ url }) => injury.keepPdf(url),
  'injury/providers': ({ query }) => injury.providers(typeof query === 'string' ? query : ''),
});
