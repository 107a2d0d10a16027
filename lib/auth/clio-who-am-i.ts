/** Typed Clio resources the extension uses, each with the fields it asks for. */
import type { ClioClient } from '../clio/client';
import type { UserBase } from '../clio/schema.generated';
import { fields } from '../clio/url';

/** `rate` is null (or absent) when Clio hides billing rates from the user (Billing Rate Visibility "None"). */
export type WhoAmI = Required<Pick<UserBase, 'id' | 'name' | 'email'>> & Pick<UserBase, 'first_name' | 'last_name' | 'time_zone'> & { rate?: number | null };

export const WHO_AM_I_FIELDS = fields(['id', 'name', 'first_name', 'last_name', 'email', 'time_zone', 'rate']);

export function whoAmI(client: ClioClient): Promise<WhoAmI> {
  return client.get<WhoAmI>('/users/who_am_i.json', { fields: WHO_AM_I_FIELDS, revalidate: true });
}
