/** Activities (time entries) and the one-per-user timer. */
import type { Reply } from './http-utils';
import { ApiError } from './manage-errors';
import { checkIfMatch, commonFilters, dataOf, intParam, list, notFound, queryParam, single, type ManageCtx } from './manage-common';
import { isoDate, touch, type Activity, type ActivityType, type Db, type Timer } from './model';
import { resolveRate } from './resources';

const TYPES: ActivityType[] = ['TimeEntry', 'ExpenseEntry', 'HardCostEntry', 'SoftCostEntry'];
const invalid = (message: string): ApiError => new ApiError(422, message, 'RecordInvalid');

function refId(data: Record<string, unknown>, key: string): number | undefined {
  const v = data[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'object' || v === null || typeof (v as { id?: unknown }).id !== 'number') {
    throw invalid(`${key} must be an object with a numeric id`);
  }
  return (v as { id: number }).id;
}

function isDate(s: unknown): s is string {
  return typeof s === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s));
}

/** Apply the writable fields of `data` onto an activity (creating or patching). */
function applyFields(ctx: ManageCtx, a: Activity, data: Record<string, unknown>): void {
  const { db } = ctx;
  if (data.type !== undefined) {
    if (!TYPES.includes(data.type as ActivityType)) throw invalid(`type must be one of ${TYPES.join(', ')}`);
    a.type = data.type as ActivityType;
  }
  if (data.date !== undefined) {
    if (!isDate(data.date)) throw invalid('date must be an ISO-8601 date (YYYY-MM-DD)');
    const lock = ctx.state.config.lockDate;
    if (lock && data.date < lock) throw invalid(`Validation failed: Date is before the firm's billing lock date (${lock})`);
    a.date = data.date;
  }
  if (data.quantity !== undefined) {
    if (typeof data.quantity !== 'number' || !Number.isFinite(data.quantity) || data.quantity < 0) throw invalid('quantity must be a non-negative number');
    a.quantity = data.quantity;
  }
  if (data.note !== undefined) {
    if (data.note !== null && typeof data.note !== 'string') throw invalid('note must be a string');
    a.note = data.note;
  }
  if (data.non_billable !== undefined) {
    if (typeof data.non_billable !== 'boolean') throw invalid('non_billable must be a boolean');
    a.nonBillable = data.non_billable;
  }
  if (data.reference !== undefined) {
    if (data.reference !== null && typeof data.reference !== 'string') throw invalid('reference must be a string');
    a.reference = data.reference;
  }
  const matterId = refId(data, 'matter');
  if (matterId !== undefined) {
    if (!db.matters.has(matterId)) throw invalid(`matter ${matterId} does not exist`);
    a.matterId = matterId;
  }
  const descriptionId = refId(data, 'activity_description');
  if (descriptionId !== undefined) {
    if (!db.activityDescriptions.has(descriptionId)) throw invalid(`activity_description ${descriptionId} does not exist`);
    a.activityDescriptionId = descriptionId;
  }
  // Clio's spec: `{ id: null }` removes the association (a bare null is accepted too).
  if (data.expense_category === null || (data.expense_category as { id?: unknown } | undefined)?.id === null) a.expenseCategoryId = null;
  else {
    const categoryId = refId(data, 'expense_category');
    if (categoryId !== undefined) {
      if (!db.expenseCategories.has(categoryId)) throw invalid(`Validation failed: Expense category ${categoryId} does not exist`);
      a.expenseCategoryId = categoryId;
    }
  }
  const communicationId = refId(data, 'communication');
  if (communicationId !== undefined) {
    if (!ctx.state.filing.communications.has(communicationId)) throw invalid(`communication ${communicationId} does not exist`);
    a.communicationId = communicationId;
  }
  const userId = refId(data, 'user');
  if (userId !== undefined) {
    if (!db.users.some((u) => u.id === userId)) throw invalid(`user ${userId} does not exist`);
    a.userId = userId;
  }
  if (data.price !== undefined) {
    if (typeof data.price !== 'number' || !Number.isFinite(data.price)) throw invalid('price must be a number');
    a.price = data.price;
  }
}

const EXPENSE_TYPES: ReadonlySet<ActivityType> = new Set(['ExpenseEntry', 'HardCostEntry', 'SoftCostEntry']);

/** What Clio refuses of an activity once its fields are applied: time fields on expenses and the other way round. */
function checkKind(a: Activity): void {
  if (EXPENSE_TYPES.has(a.type)) {
    if (a.activityDescriptionId !== null) throw invalid('Validation failed: Activity description is only valid for a TimeEntry');
    if (!(a.price > 0)) throw invalid('Validation failed: Price must be greater than 0');
    if (!(a.quantity > 0)) throw invalid('Validation failed: Quantity must be greater than 0');
  } else if (a.expenseCategoryId) throw invalid('Validation failed: Expense category is only valid for an expense');
}

function defaultPrice(ctx: ManageCtx, a: Activity): { price: number; flatRate: boolean } {
  const desc = a.activityDescriptionId === null ? undefined : ctx.db.activityDescriptions.get(a.activityDescriptionId);
  if (!desc) {
    const user = ctx.db.users.find((u) => u.id === a.userId)!;
    const factor = a.matterId === null ? 1 : (ctx.db.matters.get(a.matterId)?.rateFactor ?? 1);
    return { price: Math.round(user.rate * factor * 100) / 100, flatRate: false };
  }
  const rate = resolveRate(desc, { db: ctx.db, now: ctx.now, rateUserId: a.userId, rateMatterId: a.matterId ?? undefined });
  return { price: rate.amount, flatRate: rate.type === 'FlatRate' };
}

function noteActivityOnMatter(db: Db, a: Activity, now: number): void {
  const matter = a.matterId === null ? undefined : db.matters.get(a.matterId);
  if (matter && (!matter.lastActivityDate || matter.lastActivityDate < a.date)) {
    matter.lastActivityDate = a.date;
    touch(matter, now);
  }
}

function checkTimerAllowed(a: Activity): void {
  if (a.type !== 'TimeEntry') throw invalid('A timer can only run on a TimeEntry');
  if (a.flatRate) throw invalid('A timer cannot run on a flat-rate TimeEntry');
  if (a.billed) throw invalid('A timer cannot run on a billed TimeEntry');
}

export function listActivities(ctx: ManageCtx): Reply {
  const q = queryParam(ctx);
  const matterId = intParam(ctx, 'matter_id');
  const userId = intParam(ctx, 'user_id');
  const descriptionId = intParam(ctx, 'activity_description_id');
  const communicationId = intParam(ctx, 'communication_id');
  const start = ctx.req.query.get('start_date')?.slice(0, 10);
  const end = ctx.req.query.get('end_date')?.slice(0, 10);
  for (const [name, v] of [
    ['start_date', start],
    ['end_date', end],
  ] as const) {
    if (v !== undefined && v !== '' && !isDate(v)) throw new ApiError(400, `${name} must be an ISO-8601 date`);
  }
  const type = ctx.req.query.get('type');
  if (type !== null && !TYPES.includes(type as ActivityType)) throw new ApiError(400, `type must be one of ${TYPES.join(', ')}`);
  const status = ctx.req.query.get('status');
  const statusTest: Record<string, (a: Activity) => boolean> = {
    billed: (a) => a.billed,
    unbilled: (a) => !a.billed,
    draft: (a) => !a.billed,
    non_billable: (a) => a.nonBillable,
    billable: (a) => !a.nonBillable,
    written_off: () => false,
  };
  if (status !== null && !(status in statusTest)) throw new ApiError(400, `status must be one of ${Object.keys(statusTest).join(', ')}`);
  const items = commonFilters(ctx, ctx.db.activities.values()).filter(
    (a) =>
      (matterId === undefined || a.matterId === matterId) &&
      (userId === undefined || a.userId === userId) &&
      (descriptionId === undefined || a.activityDescriptionId === descriptionId) &&
      (communicationId === undefined || a.communicationId === communicationId) &&
      (!start || a.date >= start) &&
      (!end || a.date <= end) &&
      (type === null || a.type === type) &&
      (status === null || statusTest[status]!(a)) &&
      (!q || (a.note ?? '').toLowerCase().includes(q)),
  );
  return list(ctx, 'activity', items, {
    'id(desc)': (a, b) => b.id - a.id,
    'date(asc)': (a, b) => a.date.localeCompare(b.date),
    'date(desc)': (a, b) => b.date.localeCompare(a.date),
    'updated_at(asc)': (a, b) => a.updatedAt - b.updatedAt,
    'updated_at(desc)': (a, b) => b.updatedAt - a.updatedAt,
    'created_at(desc)': (a, b) => b.createdAt - a.createdAt,
  });
}

function findActivity(ctx: ManageCtx, id: number): Activity {
  const a = ctx.db.activities.get(id);
  if (!a) throw notFound('Activity', id);
  return a;
}

export function showActivity(ctx: ManageCtx, id: number): Reply {
  return single(ctx, 'activity', findActivity(ctx, id));
}

export function createActivity(ctx: ManageCtx): Reply {
  const data = dataOf(ctx);
  if (data.type === undefined) throw invalid('type is required');
  if (data.date === undefined) throw invalid('date is required');
  const { db, now } = ctx;
  const a: Activity = {
    id: db.nextId.activity,
    type: 'TimeEntry',
    date: isoDate(now),
    quantity: 0,
    price: 0,
    note: null,
    matterId: null,
    userId: ctx.user.id,
    activityDescriptionId: null,
    billed: false,
    nonBillable: false,
    flatRate: false,
    reference: null,
    createdAt: now,
    updatedAt: now,
    rev: 0,
  };
  if (EXPENSE_TYPES.has(data.type as ActivityType)) a.quantity = 1; // an expense is one unit unless told otherwise
  applyFields(ctx, a, data);
  if (EXPENSE_TYPES.has(a.type)) {
    if (data.price === undefined) throw invalid("Validation failed: Price can't be blank");
  } else if (data.price === undefined) Object.assign(a, defaultPrice(ctx, a));
  checkKind(a);
  const startTimer = data.start_timer;
  if (startTimer !== undefined && typeof startTimer !== 'boolean') throw invalid('start_timer must be a boolean');
  if (startTimer) checkTimerAllowed(a);
  db.nextId.activity++;
  db.activities.set(a.id, a);
  db.createdActivityIds.push(a.id);
  noteActivityOnMatter(db, a, now);
  if (startTimer) startTimerOn(db, ctx.user.id, a, now);
  return single(ctx, 'activity', a, { status: 201 });
}

export function updateActivity(ctx: ManageCtx, id: number): Reply {
  const a = findActivity(ctx, id);
  checkIfMatch(ctx, 'activity', a);
  const data = dataOf(ctx);
  const draft = { ...a };
  applyFields(ctx, draft, data);
  checkKind(draft);
  if (data.start_timer === true) checkTimerAllowed(draft);
  Object.assign(a, draft);
  touch(a, ctx.now);
  noteActivityOnMatter(ctx.db, a, ctx.now);
  if (data.start_timer === true) startTimerOn(ctx.db, ctx.user.id, a, ctx.now);
  return single(ctx, 'activity', a);
}

export function deleteActivity(ctx: ManageCtx, id: number): Reply {
  const a = findActivity(ctx, id);
  checkIfMatch(ctx, 'activity', a);
  for (const [userId, t] of ctx.db.timers) if (t.activityId === id) ctx.db.timers.delete(userId);
  ctx.db.activities.delete(id);
  return { status: 204 };
}

/** Stop a timer: its running time is added to the activity's quantity. */
export function stopTimer(db: Db, t: Timer, now: number): void {
  db.timers.delete(t.userId);
  const a = db.activities.get(t.activityId);
  if (a) {
    a.quantity += Math.max(0, Math.round((now - t.startTime) / 1000));
    touch(a, now);
  }
}

function startTimerOn(db: Db, userId: number, a: Activity, now: number): Timer {
  const running = db.timers.get(userId);
  if (running) stopTimer(db, running, now);
  const t: Timer = { id: db.nextId.timer++, userId, activityId: a.id, startTime: now, createdAt: now, updatedAt: now, rev: 0 };
  db.timers.set(userId, t);
  touch(a, now);
  return t;
}

export function showTimer(ctx: ManageCtx): Reply {
  const t = ctx.db.timers.get(ctx.user.id);
  if (!t) throw new ApiError(404, 'No timer is running');
  return single(ctx, 'timer', t);
}

export function createTimer(ctx: ManageCtx): Reply {
  const data = dataOf(ctx);
  const id = refId(data, 'activity');
  if (id === undefined) throw invalid('activity is required');
  const a = ctx.db.activities.get(id);
  if (!a) throw invalid(`activity ${id} does not exist`);
  checkTimerAllowed(a);
  return single(ctx, 'timer', startTimerOn(ctx.db, ctx.user.id, a, ctx.now), { status: 201 });
}

export function deleteTimer(ctx: ManageCtx): Reply {
  const t = ctx.db.timers.get(ctx.user.id);
  if (!t) throw new ApiError(404, 'No timer is running');
  stopTimer(ctx.db, t, ctx.now);
  return { status: 204 };
}
