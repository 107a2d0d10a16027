/** The Clio calls of a conflict check: Manage contacts by a query, a contact's relationships, and Grow contacts. */
import type { ClioClient } from '../clio/client';

export interface ManageContactJson {
  id: number;
  name: string | null;
  primary_email_address?: string | null;
  secondary_email_address?: string | null;
  primary_phone_number?: string | null;
  secondary_phone_number?: string | null;
}

export interface RelationshipJson {
  id: number;
  description?: string | null;
  matter?: { id: number; display_number?: string | null; description?: string | null; status?: string | null } | null;
}

export interface GrowContactJson {
  first_name: string | null;
  last_name: string | null;
  email: string | null;
  phone_number: string | null;
}

const CONTACT_FIELDS = 'id,name,primary_email_address,secondary_email_address,primary_phone_number,secondary_phone_number';

/** Manage contacts matching `query` (Clio searches names, emails and phones): one request. */
export function manageContacts(client: ClioClient, query: string, limit = 10): Promise<ManageContactJson[]> {
  return client.get<ManageContactJson[]>('/contacts.json', { fields: CONTACT_FIELDS, query: { query, limit }, priority: 'interactive' });
}

/** The matters a contact is related to other than as client (opposing party, witness…): one request. */
export function relationshipsOf(client: ClioClient, contactId: number): Promise<RelationshipJson[]> {
  return client.get<RelationshipJson[]>('/relationships.json', {
    fields: 'id,description,matter{id,display_number,description,status}',
    query: { contact_id: contactId, limit: 20 },
    priority: 'interactive',
  });
}

/** Grow contacts matching `query`: one request. */
export function growContacts(grow: ClioClient, query: string): Promise<GrowContactJson[]> {
  return grow.get<GrowContactJson[]>('/contacts', { query: { query, limit: 10 }, priority: 'interactive' });
}
