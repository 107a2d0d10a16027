/**
 * The one writer of the drafts (drafts.ts), run by the background: the surfaces ask it to keep what was
 * typed, and the time-entry service tells it when a save is held. One change at a time, so two panels
 * (two windows) writing the keyed map never lose each other's drafts.
 */
import { type PopupDraft, panelDraftsItem, popupDraftItem, type TimeEntryDraft, withoutSaved, withPanelDraft } from './drafts';

let queue: Promise<unknown> = Promise.resolve();
function serial<T>(f: () => Promise<T>): Promise<T> {
  const run = queue.then(f);
  queue = run.catch(() => undefined);
  return run;
}

export const keepPopupDraft = (draft: PopupDraft): Promise<void> => serial(() => popupDraftItem.setValue(draft));

export const keepPanelDraft = (matterId: number, draft: TimeEntryDraft): Promise<void> =>
  serial(async () => panelDraftsItem.setValue(withPanelDraft(await panelDraftsItem.getValue(), matterId, draft)));

/**
 * Once the background holds a save, no draft may offer it again: a surface closed before the answer
 * came would otherwise reopen with the entry filled in, and a second "Save" would bill the time twice.
 */
export const forgetDraftsSavedAs = (key: string): Promise<void> =>
  serial(async () => {
    const before = { popup: await popupDraftItem.getValue(), panel: await panelDraftsItem.getValue() };
    const after = withoutSaved(before.popup, before.panel, key);
    if (after.popup !== before.popup) await popupDraftItem.setValue(after.popup);
    if (Object.keys(after.panel).length !== Object.keys(before.panel).length) await panelDraftsItem.setValue(after.panel);
  });
