/**
 * Schema conformance: every served Manage endpoint, asked for all the spec fields the sandbox
 * supports, must validate against Clio's own schemas (sandbox/clio-schemas.json, extracted from
 * the official spec). Schemas are closed (no unknown keys) so a renamed field fails, and each
 * requested field must come back, so a dropped one fails too. The spec never marks anything
 * `nullable`, yet Clio sends null for unset values, so null is allowed for every property.
 */
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../../sandbox/server';
import { admin, api, manageTokens, start } from './helpers';

type Schema = Record<string, unknown>;
const doc = JSON.parse(readFileSync(new URL('../../../sandbox/clio-schemas.json', import.meta.url), 'utf8')) as {
  components: { schemas: Record<string, Schema> };
};
const named = doc.components.schemas;

/** Merge allOf parts (resolving $refs) into one object schema. */
function flatten(schema: Schema): Schema {
  if (!Array.isArray(schema.allOf)) return schema;
  const properties: Record<string, Schema> = {};
  const required = new Set<string>();
  for (const part of schema.allOf as Schema[]) {
    const resolved = flatten(typeof part.$ref === 'string' ? named[refName(part.$ref)]! : part);
    Object.assign(properties, resolved.properties as Record<string, Schema> | undefined);
    for (const r of (resolved.required as string[] | undefined) ?? []) required.add(r);
  }
  return { type: 'object', properties, ...(required.size ? { required: [...required] } : {}) };
}

const refName = (ref: string): string => ref.replace('#/components/schemas/', '');

/** Closed objects, nullable properties, refs into #/definitions, no `nullable` keyword. */
function strict(schema: Schema): Schema {
  const s = flatten(schema);
  const out: Schema = {};
  for (const [k, v] of Object.entries(s)) {
    if (k === 'nullable') continue;
    if (k === '$ref') out.$ref = `#/definitions/${refName(v as string)}`;
    else if (k === 'properties') {
      out.properties = Object.fromEntries(Object.entries(v as Record<string, Schema>).map(([p, ps]) => [p, { anyOf: [strict(ps), { type: 'null' }] }]));
    } else if (k === 'items') out.items = strict(v as Schema);
    else out[k] = v;
  }
  if (out.properties) out.additionalProperties = false;
  return out;
}

const META: Schema = {
  type: 'object',
  additionalProperties: false,
  required: ['paging'],
  properties: {
    paging: {
      type: 'object',
      additionalProperties: false,
      properties: { next: { type: 'string', format: 'uri' }, previous: { type: 'string', format: 'uri' } },
    },
    records: { type: 'integer' },
  },
};

let validators: Record<string, ValidateFunction>;
function compile(): Record<string, ValidateFunction> {
  const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false });
  const addFormats = addFormatsModule as unknown as (a: Ajv) => void;
  addFormats(ajv);
  for (const f of ['int32', 'int64']) ajv.addFormat(f, { type: 'number', validate: (n: number) => Number.isInteger(n) });
  for (const f of ['float', 'double']) ajv.addFormat(f, { type: 'number', validate: (n: number) => Number.isFinite(n) });
  const definitions = Object.fromEntries(Object.entries(named).map(([k, v]) => [k, strict(v)]));
  // The spec's list schemas leave out `meta`, which Clio sends (see docs/clio/REFERENCE.md); allow exactly it.
  for (const [k, v] of Object.entries(definitions)) if (k.endsWith('_List')) (v.properties as Record<string, Schema>).meta = META;
  ajv.addSchema({ $id: 'clio', definitions });
  const get = (name: string): ValidateFunction => ajv.getSchema(`clio#/definitions/${name}`)!;
  return Object.fromEntries(
    [
      'User_Show',
      'User_List',
      'Matter_Show',
      'Matter_List',
      'Contact_Show',
      'Contact_List',
      'Relationship_Show',
      'Relationship_List',
      'Activity_Show',
      'Activity_List',
      'ActivityDescription_List',
      'ExpenseCategory_List',
      'BillingSetting_Show',
      'Timer_Show',
      'Document_Show',
      'Document_List',
      'DocumentCategory_List',
      'Communication_Show',
      'Communication_List',
      'Note_Show',
      'Note_List',
      'Task_Show',
      'Task_List',
      'Calendar_List',
      'CalendarEntry_Show',
      'CalendarEntry_List',
      ...['Bill_List', 'Bill_Show', 'OutstandingClientBalance_List', 'BankAccount_List', 'BankAccount_Show'],
      ...['ClioPaymentsLink_List', 'ClioPaymentsLink_Show', 'ClioPaymentsPayment_List', 'TrustRequest_Show'],
      'Error',
    ].map((n) => [n, get(n)]),
  );
}

function conforms(schema: string, body: unknown): void {
  const validate = validators[schema]!;
  const ok = validate(body);
  expect(ok ? [] : validate.errors!.slice(0, 5).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`), schema).toEqual([]);
}

/** The fields asked for, per resource: the spec's property names the sandbox supports. */
const CONTACT =
  'id,etag,name,first_name,last_name,type,initials,primary_email_address,secondary_email_address,primary_phone_number,secondary_phone_number,is_client,is_co_counsel,created_at,updated_at';
const USER =
  'id,etag,name,first_name,last_name,email,initials,enabled,account_owner,clio_connect,subscription_type,roles,rate,phone_number,time_zone,created_at,updated_at';
const MATTER =
  'id,etag,number,display_number,description,status,client_id,client_reference,billable,billing_method,open_date,pending_date,close_date,last_activity_date,location,shared,has_tasks,created_at,updated_at';
const DESCRIPTION = 'id,etag,name,default,visible_to_co_counsel,accessible_to_user,created_at,updated_at';
const ACTIVITY =
  'id,etag,type,date,quantity,rounded_quantity,quantity_in_hours,rounded_quantity_in_hours,price,total,non_billable_total,note,billed,on_bill,flat_rate,non_billable,no_charge,contingency_fee,quantity_redacted,reference,tax_setting,created_at,updated_at';
const TIMER = 'id,etag,start_time,elapsed_time,created_at,updated_at';

const FIELDS = {
  user: `${USER},default_activity_description{${DESCRIPTION}},account{id,etag,name,state,created_at,updated_at}`,
  matter: `${MATTER},client{${CONTACT}},responsible_attorney{${USER}},originating_attorney,practice_area{id,etag,name,category,code,created_at,updated_at},currency{id,etag,code,sign}`,
  contact: `${CONTACT},email_addresses{id,etag,address,name,primary},phone_numbers{id,etag,number,name,primary}`,
  relationship: `id,etag,description,created_at,updated_at,matter{${MATTER}},contact{${CONTACT}}`,
  description: `${DESCRIPTION},rate{amount,non_billable_amount,type,hierarchy}`,
  activity: `${ACTIVITY},matter{${MATTER}},user{${USER}},activity_description{${DESCRIPTION}},timer{${TIMER}}`,
  timer: `${TIMER},activity{${ACTIVITY}}`,
};

const topNames = (fields: string): string[] => fields.replace(/\{[^}]*\}/g, '').split(',');

let sb: Sandbox;
let token: string;
let base: string;
const get = async (path: string, fields: string): Promise<{ data: unknown }> => {
  const res = await api(`${base}${path}${path.includes('?') ? '&' : '?'}fields=${encodeURIComponent(fields)}`, token);
  expect(res.status, `${path}: ${res.status}`).toBe(200);
  return (await res.json()) as { data: unknown };
};
function expectAllFields(record: unknown, fields: string): void {
  expect(Object.keys(record as object).sort()).toEqual(topNames(fields).sort());
}

beforeAll(async () => {
  validators = compile();
  sb = await start();
  base = `${sb.origin}/api/v4`;
  token = (await manageTokens(sb.origin)).access_token;
});
afterAll(() => sb.close());

describe('Manage responses conform to the Clio spec', () => {
  it('users: who_am_i, list and single', async () => {
    const me = await get('/users/who_am_i.json', FIELDS.user);
    conforms('User_Show', me);
    expectAllFields(me.data, FIELDS.user);
    conforms('User_List', await get('/users.json', FIELDS.user));
    conforms('User_Show', await get('/users/1002.json', FIELDS.user));
  });

  it('matters: list (open and closed) and single', async () => {
    const open = await get('/matters.json?limit=200', FIELDS.matter);
    conforms('Matter_List', open);
    const closed = await get('/matters.json?status=closed&limit=50', FIELDS.matter);
    conforms('Matter_List', closed);
    const first = (closed.data as Array<Record<string, unknown>>)[0]!;
    expect(first.close_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const one = await get(`/matters/${String(first.id)}.json`, FIELDS.matter);
    conforms('Matter_Show', one);
    expectAllFields(one.data, FIELDS.matter);
  });

  it('contacts: list and single', async () => {
    const list = await get('/contacts.json?limit=200', FIELDS.contact);
    conforms('Contact_List', list);
    const id = (list.data as Array<{ id: number }>)[0]!.id;
    const one = await get(`/contacts/${id}.json`, FIELDS.contact);
    conforms('Contact_Show', one);
    expectAllFields(one.data, FIELDS.contact);
  });

  it('relationships: list (by contact) and single', async () => {
    const list = await get('/relationships.json?limit=50', FIELDS.relationship);
    conforms('Relationship_List', list);
    const first = (list.data as Array<{ id: number; contact: { id: number } }>)[0]!;
    const byContact = await get(`/relationships.json?contact_id=${first.contact.id}`, FIELDS.relationship);
    conforms('Relationship_List', byContact);
    const one = await get(`/relationships/${first.id}.json`, FIELDS.relationship);
    conforms('Relationship_Show', one);
    expectAllFields(one.data, FIELDS.relationship);
  });

  it('activity descriptions, with a resolved rate', async () => {
    const list = await get('/activity_descriptions.json?rate_for[user_id]=1001', FIELDS.description);
    conforms('ActivityDescription_List', list);
    expectAllFields((list.data as unknown[])[0], FIELDS.description);
    const forMatter = await get('/activity_descriptions.json?rate_for[user_id]=1001&rate_for[matter_id]=100001', FIELDS.description);
    conforms('ActivityDescription_List', forMatter);
  });

  it('a matter in its own currency; rates hidden from a user who may not see them', async () => {
    await admin(sb.origin, 'PATCH', 'matters/100001', { currency: 'EUR' });
    const one = await get('/matters/100001.json', 'id,currency{id,etag,code,sign}');
    conforms('Matter_Show', one);
    expect(one.data).toMatchObject({ currency: { code: 'EUR', sign: '€' } });
    expect((await get('/matters/100002.json', 'id,currency{code}')).data).toEqual({ id: 100002, currency: { code: 'USD' } });

    const hidden = (await manageTokens(sb.origin, '1003')).access_token;
    const asHidden = async (path: string) => (await (await api(`${base}${path}`, hidden)).json()) as { data: unknown };
    const me = await asHidden(`/users/who_am_i.json?fields=${encodeURIComponent(FIELDS.user)}`);
    conforms('User_Show', me);
    expect(me.data).toMatchObject({ id: 1003, rate: null });
    const list = await asHidden(`/activity_descriptions.json?rate_for[matter_id]=100001&fields=${encodeURIComponent(FIELDS.description)}`);
    conforms('ActivityDescription_List', list);
    expect((list.data as Array<{ rate: unknown }>).every((d) => d.rate === null)).toBe(true);

    // Kwame sees his own rates only.
    const own = (await manageTokens(sb.origin, '1002')).access_token;
    const rateOf = async (forUser: number) => {
      const res = await api(`${base}/activity_descriptions.json?rate_for[user_id]=${forUser}&ids[]=501&fields=id,rate{amount,type}`, own);
      return ((await res.json()) as { data: Array<{ rate: unknown }> }).data[0]!.rate;
    };
    expect(await rateOf(1002)).toEqual({ amount: 350, type: 'User' });
    expect(await rateOf(1001)).toBeNull();
  });

  it('activities: create (with a timer), single, list; the timer', async () => {
    const created = await api(`${base}/activities.json?fields=${encodeURIComponent(FIELDS.activity)}`, token, {
      method: 'POST',
      body: {
        data: {
          type: 'TimeEntry',
          date: '2026-05-01',
          quantity: 1800,
          note: 'Schema check',
          matter: { id: 100_001 },
          activity_description: { id: 502 },
          non_billable: false,
          start_timer: true,
        },
      },
    });
    expect(created.status).toBe(201);
    const body = (await created.json()) as { data: { id: number; timer: unknown } };
    conforms('Activity_Show', body);
    expectAllFields(body.data, FIELDS.activity);
    expect(body.data.timer).not.toBeNull();
    conforms('Activity_Show', await get(`/activities/${body.data.id}.json`, FIELDS.activity));
    conforms('Activity_List', await get('/activities.json?limit=200', FIELDS.activity));
    const timer = await get('/timer.json', FIELDS.timer);
    conforms('Timer_Show', timer);
    expectAllFields(timer.data, FIELDS.timer);
  });

  it('expense categories, billing settings, and an ExpenseEntry with its category', async () => {
    const CATEGORY = 'id,etag,name,rate,entry_type,accessible_to_user,created_at,updated_at';
    const categories = await get('/expense_categories.json', CATEGORY);
    conforms('ExpenseCategory_List', categories);
    expectAllFields((categories.data as unknown[])[0], CATEGORY);
    const billing = await get('/settings/billing.json', 'id,etag,currency,currency_sign');
    conforms('BillingSetting_Show', billing);
    expect(billing.data).toMatchObject({ currency: 'USD', currency_sign: '$' });
    const fields = `${ACTIVITY},matter{id,display_number},expense_category{${CATEGORY}}`;
    const made = await api(`${base}/activities.json?fields=${encodeURIComponent(fields)}`, token, {
      method: 'POST',
      body: {
        data: {
          type: 'ExpenseEntry',
          date: '2026-05-01',
          price: 12.5,
          quantity: 2,
          note: 'Filing fee',
          matter: { id: 100_001 },
          expense_category: { id: 601 },
          non_billable: false,
        },
      },
    });
    expect(made.status).toBe(201);
    const body = (await made.json()) as { data: Record<string, unknown> };
    conforms('Activity_Show', body);
    expectAllFields(body.data, fields);
    expect(body.data).toMatchObject({ type: 'ExpenseEntry', price: 12.5, quantity: 2, total: 25, expense_category: { id: 601, name: 'Court filing fee' } });
  });

  it('errors use the Error schema', async () => {
    const res = await api(`${base}/matters.json?fields=nonsense`, token);
    expect(res.status).toBe(400);
    conforms('Error', await res.json());
  });

  it('a renamed or mistyped field fails validation', () => {
    conforms('Matter_Show', { data: { id: 1, display_number: '00001-X' } });
    expect(validators.Matter_Show!({ data: { id: 1, displayNumber: '00001-X' } })).toBe(false);
    expect(validators.Matter_Show!({ data: { id: '1' } })).toBe(false);
    expect(validators.Matter_Show!({ data: { id: 1, status: 'open' } })).toBe(false);
    expect(validators.Matter_Show!({ data: { id: 1, client: { id: 2, fullName: 'x' } } })).toBe(false);
  });

  it('documents (with a version and its put_url), categories, communications, notes', async () => {
    const VERSION =
      'id,document_id,etag,uuid,filename,size,version_number,content_type,received_at,put_url,fully_uploaded,put_headers,multiparts,created_at,updated_at';
    const DOCUMENT = `id,etag,type,locked,name,received_at,filename,size,content_type,deleted_at,created_at,updated_at,matter{${MATTER}},latest_document_version{${VERSION}},external_properties{id,etag,name,value,created_at,updated_at},document_category{id,etag,name,created_at,updated_at}`;
    const made = await api(`${base}/documents.json?fields=${encodeURIComponent(DOCUMENT)}`, token, {
      method: 'POST',
      body: {
        data: {
          name: 'a.txt',
          parent: { type: 'Matter', id: 100_001 },
          content_type: 'text/plain',
          document_category: { id: 3001 },
          external_properties: [{ name: 'k', value: 'v' }],
        },
      },
    });
    expect(made.status).toBe(201);
    const doc = (await made.json()) as { data: { id: number } };
    conforms('Document_Show', doc);
    expectAllFields(doc.data, DOCUMENT);
    conforms('Document_List', await get('/documents.json?show_uncompleted=true', DOCUMENT));
    conforms('DocumentCategory_List', await get('/document_categories.json', 'id,etag,name,created_at,updated_at'));
    const PARTICIPANT = 'id,etag,type,name,identifier,secondary_identifier,enabled,initials,job_title_name,created_at,updated_at';
    const COMMUNICATION = `id,etag,subject,body,type,date,received_at,time_entries_count,created_at,updated_at,matter{id,display_number},user{id,name},senders{${PARTICIPANT}},receivers{${PARTICIPANT}},external_properties{id,name,value},time_entries{id,quantity}`;
    const comm = await api(`${base}/communications.json?fields=${encodeURIComponent(COMMUNICATION)}`, token, {
      method: 'POST',
      body: {
        data: {
          type: 'EmailCommunication',
          subject: 's',
          body: 'b',
          received_at: '2026-05-01T10:00:00Z',
          matter: { id: 100_001 },
          senders: [{ id: 1001, type: 'User' }],
        },
      },
    });
    expect(comm.status).toBe(201);
    const commBody = (await comm.json()) as { data: unknown };
    conforms('Communication_Show', commBody);
    expectAllFields(commBody.data, COMMUNICATION);
    conforms('Communication_List', await get('/communications.json', COMMUNICATION));
    const NOTE = 'id,etag,type,subject,detail,detail_text_type,date,time_entries_count,created_at,updated_at,matter{id},contact{id},author{id,name}';
    const note = await api(`${base}/notes.json?fields=${encodeURIComponent(NOTE)}`, token, {
      method: 'POST',
      body: { data: { type: 'Matter', matter: { id: 100_001 }, subject: 's', detail: 'd' } },
    });
    expect(note.status).toBe(201);
    const noteBody = (await note.json()) as { data: unknown };
    conforms('Note_Show', noteBody);
    expectAllFields(noteBody.data, NOTE);
    conforms('Note_List', await get('/notes.json', NOTE));
  });

  it('tasks, calendars and calendar entries', async () => {
    const PARTICIPANT = 'id,etag,type,name,identifier,secondary_identifier,enabled,initials,job_title_name,created_at,updated_at';
    const TASK = `id,etag,name,status,description,description_text_type,priority,due_at,permission,completed_at,notify_completion,statute_of_limitations,time_estimated,time_entries_count,created_at,updated_at,matter{id,display_number},assignee{${PARTICIPANT}},assigner{id,name}`;
    const task = await api(`${base}/tasks.json?fields=${encodeURIComponent(TASK)}`, token, {
      method: 'POST',
      body: { data: { name: 'Response due', description: 'd', due_at: '2027-01-05', assignee: { id: 1001, type: 'User' }, matter: { id: 100_001 } } },
    });
    expect(task.status).toBe(201);
    const taskBody = (await task.json()) as { data: { id: number } };
    conforms('Task_Show', taskBody);
    expectAllFields(taskBody.data, TASK);
    conforms('Task_Show', await get(`/tasks/${taskBody.data.id}.json`, TASK));
    conforms('Task_List', await get('/tasks.json?order=due_at(asc)', TASK));
    const CALENDAR = 'id,etag,color,light_color,court_rules_default_calendar,name,permission,type,visible,source,created_at,updated_at,creator{id,name}';
    const calendars = await get('/calendars.json', CALENDAR);
    conforms('Calendar_List', calendars);
    expectAllFields((calendars.data as unknown[])[0], CALENDAR);
    const ENTRY = `id,etag,summary,description,location,start_at,start_date,start_time,end_at,end_date,end_time,all_day,recurrence_rule,parent_calendar_entry_id,court_rule,permission,calendar_owner_id,start_at_time_zone,time_entries_count,created_at,updated_at,matter{id},calendar_owner{${CALENDAR.replace(',creator{id,name}', '')}},external_properties{id,etag,name,value,created_at,updated_at}`;
    const entry = await api(`${base}/calendar_entries.json?fields=${encodeURIComponent(ENTRY)}`, token, {
      method: 'POST',
      body: {
        data: {
          summary: 'Hearing',
          start_at: '2027-01-05T15:00:00Z',
          end_at: '2027-01-05T16:00:00Z',
          calendar_owner: { id: 8001 },
          matter: { id: 100_001 },
          external_properties: [{ name: 'k', value: 'v' }],
        },
      },
    });
    expect(entry.status).toBe(201);
    const entryBody = (await entry.json()) as { data: { id: string } };
    conforms('CalendarEntry_Show', entryBody);
    expectAllFields(entryBody.data, ENTRY);
    conforms('CalendarEntry_Show', await get(`/calendar_entries/${entryBody.data.id}.json`, ENTRY));
    conforms('CalendarEntry_List', await get('/calendar_entries.json', ENTRY));
  });

  it('billing: bills, balances, bank accounts, a matter’s trust balance, payment links and payments, trust requests', async () => {
    const BILL =
      'id,etag,number,issued_at,due_at,subject,type,kind,state,total,paid,balance,due,paid_at,created_at,updated_at,client{id,name},matters{id,display_number},currency{id,code,sign}';
    const [billed] = (await admin(sb.origin, 'GET', 'billing/matters?limit=1')) as Array<{ id: number; client_id: number; bills: Array<{ id: number }> }>;
    const bills = await get(`/bills.json?matter_id=${billed!.id}`, BILL);
    conforms('Bill_List', bills);
    expectAllFields((bills.data as unknown[])[0], BILL);
    conforms('Bill_Show', await get(`/bills/${billed!.bills[0]!.id}.json`, BILL));
    const BALANCE = `id,etag,total_outstanding_balance,pending_payments_total,associated_matter_ids,newest_issued_bill_due_date,created_at,updated_at,contact{id,name},outstanding_bills{id,balance},currency{code}`;
    const balances = await get(`/outstanding_client_balances.json?contact_id=${billed!.client_id}`, BALANCE);
    conforms('OutstandingClientBalance_List', balances);
    expectAllFields((balances.data as unknown[])[0], BALANCE);
    const ACCOUNT = 'id,etag,name,type,currency,currency_id,currency_symbol,clio_payments_enabled,default_account,balance,created_at,updated_at';
    conforms('BankAccount_List', await get('/bank_accounts.json', ACCOUNT));
    conforms('BankAccount_Show', await get('/bank_accounts/7001.json', ACCOUNT));
    const trust = await get(`/matters/${billed!.id}.json`, 'id,account_balances{id,balance,type,name,currency_id}');
    conforms('Matter_Show', trust);
    expect(trust.data).toMatchObject({ account_balances: [{ id: 7002, type: 'Trust' }] });

    const LINK = `id,etag,active,amount,currency,description,email_address,expires_at,is_allocated_as_revenue,redirect_url,url,created_at,bill{id,number},bank_account{id},contact{id},destination_account{${ACCOUNT}},destination_contact{id},clio_payments_payment{id,state}`;
    const made = await api(`${base}/clio_payments/links.json?fields=${encodeURIComponent(LINK)}`, token, {
      method: 'POST',
      body: {
        data: {
          currency: 'USD',
          description: 'Invoice',
          destination_account: { id: 7001 },
          duration: 604800,
          subject: { id: billed!.bills[0]!.id, type: 'Bill' },
        },
      },
    });
    expect(made.status).toBe(201);
    const link = (await made.json()) as { data: { id: number } };
    conforms('ClioPaymentsLink_Show', link);
    expectAllFields(link.data, LINK);
    await admin(sb.origin, 'POST', `billing/links/${link.data.id}/pay`);
    conforms('ClioPaymentsLink_List', await get('/clio_payments/links.json?active=true', LINK));
    const PAYMENT =
      'id,amount,confirmation_number,currency,deposit_as_revenue,description,email_address,state,created_at,updated_at,clio_payments_link{id},contact{id},destination_account{id},bills{id}';
    const payments = await get(`/clio_payments/payments.json?contact_id=${billed!.client_id}`, PAYMENT);
    conforms('ClioPaymentsPayment_List', payments);
    expectAllFields((payments.data as unknown[])[0], PAYMENT);
    const request = await api(`${base}/trust_requests.json?fields=id,etag,created_at,updated_at`, token, {
      method: 'POST',
      body: {
        data: { trust_type: 'client', client_id: billed!.client_id, issue_date: '2027-01-05', due_date: '2027-01-19', approved: false, trust_amount: 1500 },
      },
    });
    expect(request.status).toBe(201);
    conforms('TrustRequest_Show', await request.json());
  });
});
