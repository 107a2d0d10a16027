import type { ClioMatterJson, IndexedMatter, MatterStatus } from '@/lib/matters/matter';

let nextId = 1;
export function matter(p: Partial<IndexedMatter> & { description: string }): IndexedMatter {
  const id = p.id ?? nextId++;
  return {
    id,
    displayNumber: p.displayNumber ?? `${String(p.number ?? id).padStart(5, '0')}-Test`,
    number: p.number === undefined ? id : p.number,
    description: p.description,
    status: p.status ?? 'Open',
    clientId: p.clientId ?? null,
    clientName: p.clientName ?? '',
    responsibleAttorneyId: p.responsibleAttorneyId ?? 1001,
    responsibleAttorneyName: p.responsibleAttorneyName ?? 'Margaret Whitfield',
    practiceArea: p.practiceArea ?? '',
    openDate: p.openDate ?? '2024-01-01',
    lastActivityDate: p.lastActivityDate ?? null,
    updatedAt: p.updatedAt ?? '2024-01-01T00:00:00Z',
    clientReference: p.clientReference ?? '',
    clientEmails: p.clientEmails ?? [],
    clientPhones: p.clientPhones ?? [],
    currency: p.currency ?? '',
  };
}

/** Clio-shaped JSON for a matter, as GET /matters.json returns it with MATTER_SYNC_FIELDS. */
export function clioMatter(id: number, p: { updatedAt?: string; status?: MatterStatus; description?: string } = {}): ClioMatterJson {
  return {
    id,
    etag: `"${id}"`,
    number: id,
    display_number: `${String(id).padStart(5, '0')}-Client${id}`,
    description: p.description ?? `Matter ${id}`,
    status: p.status ?? 'Open',
    open_date: '2024-01-01',
    last_activity_date: null,
    updated_at: p.updatedAt ?? '2024-01-01T00:00:00Z',
    client_reference: null,
    client: {
      id: 20_000 + id,
      name: `Client ${id}`,
      primary_email_address: `client${id}@example.com`,
      secondary_email_address: null,
      primary_phone_number: `(617) 555-${String(id % 10_000).padStart(4, '0')}`,
      secondary_phone_number: null,
    },
    responsible_attorney: { id: 1001, name: 'Margaret Whitfield' },
    practice_area: { id: 301, name: 'Employment' },
  };
}
