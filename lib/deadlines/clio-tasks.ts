/** Clio tasks: creating one, finding one an interrupted send made (tasks carry no external properties), a matter's open ones. */
import type { ClioClient } from '../clio/client';
import { fields } from '../clio/url';
import { CLOCK_SLACK_MS } from '../outbox/outbox';

export type TaskPriority = 'High' | 'Normal' | 'Low';

export interface TaskJson {
  id: number;
  name: string;
  description?: string;
  /** YYYY-MM-DD, or null for a task without a due date. */
  due_at: string | null;
  priority: TaskPriority;
  status: string;
  statute_of_limitations: boolean;
  assignee?: { id: number; name: string } | null;
}

const TASK_FIELDS = fields(['id', 'name', 'description', 'due_at', 'priority', 'status', 'statute_of_limitations'], { assignee: ['id', 'name'] });

/** Fields of a task a 422 may name, to show its message at the right input. */
export const TASK_INPUTS = ['name', 'description', 'due_at', 'priority', 'assignee', 'matter', 'statute_of_limitations'] as const;

export interface NewTask {
  matterId: number;
  name: string;
  description: string;
  /** YYYY-MM-DD. */
  dueDate: string;
  assigneeId: number;
  priority: TaskPriority;
  statuteOfLimitations: boolean;
}

export async function createTask(client: ClioClient, t: NewTask): Promise<TaskJson> {
  const data = {
    name: t.name,
    description: t.description,
    due_at: t.dueDate,
    priority: t.priority,
    statute_of_limitations: t.statuteOfLimitations,
    assignee: { id: t.assigneeId, type: 'User' },
    matter: { id: t.matterId },
  };
  return (await client.post<TaskJson>('/tasks.json', { data }, { fields: TASK_FIELDS, inputFields: TASK_INPUTS })).data;
}

/**
 * The task an earlier, interrupted send of `t` made, if Clio has one: on the same matter, with the same name,
 * due date and description, made after the entry was written, and not one another entry already claimed.
 */
export async function findTask(client: ClioClient, t: NewTask, createdAfter: number, claimed: ReadonlySet<unknown> = new Set()): Promise<TaskJson | null> {
  const found = await client.get<TaskJson[]>('/tasks.json', {
    fields: TASK_FIELDS,
    query: {
      matter_id: t.matterId,
      due_at_from: t.dueDate,
      due_at_to: t.dueDate,
      created_since: new Date(createdAfter - CLOCK_SLACK_MS).toISOString(),
      limit: 200,
    },
    priority: 'background',
  });
  return found.find((x) => !claimed.has(x.id) && x.name === t.name && x.due_at === t.dueDate && (x.description ?? '') === t.description) ?? null;
}

/** A matter's next open tasks, soonest due first (undated last); overdue ones lead. */
export function openTasks(client: ClioClient, matterId: number, limit: number): Promise<TaskJson[]> {
  return client.get<TaskJson[]>('/tasks.json', {
    fields: TASK_FIELDS,
    query: { matter_id: matterId, complete: false, order: 'due_at(asc)', limit },
  });
}
