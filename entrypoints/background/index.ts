/**
 * The background: it owns every talk with Clio. Every listener is registered synchronously here
 * (the worker may have been woken by one of these events); each event's work lives in the file
 * named after it.
 */
import { browser } from 'wxt/browser';
import { serveMessages } from '@/lib/messaging/serve';
import { prepareStorage } from '@/lib/storage/storage-ready';
import { dispatchAlarms } from './alarms';
import { sweepHandOffsLater } from './capture-menu';
import { watchBadge } from './badge';
import { onCommand } from './commands';
import { watchAway } from './away-stop';
import { watchAutoStop } from './auto-stop';
import { watchIdle } from './idle';
import { openSetupOnInstall } from './first-run';
import { createMenus, onMenuClick } from './menus';
import { allMessages } from './messages/index';
import { watchOmnibox } from './omnibox';
import { createServices, keepSyncing, scheduleTokenRefresh } from './services';
import { watchStopAt } from './stop-at';
import { watchReminder } from './track-reminder';
import { watchReminderOwner } from './reminder-settings';

export default defineBackground({
  // One classic script, not a module: Chrome keeps V8's code cache of a classic service worker and a wake compiles
  // it in about 4 ms, where a module worker's files (six) were compiled afresh on every wake (a trace: ~35 ms
  // to compile the modules and ~70 ms of lazy function compiles, against ~4 + ~4). No import() either way in MV3.
  main() {
    // Stored shapes of older versions are brought up to date (and moved to where they live now) before anything
    // reads them: messages, alarms, commands, the omnibox, the badge and idle detection wait for `ready`. Once per
    // browser session (lib/storage/storage-ready.ts): a later wake reads one storage.session mark, and `ready`
    // resolves false. What belongs to the extension rather than to this worker (badge, idle interval, default
    // suggestion, alarms) is set when `ready` resolves true, a session's start, and on change: not on every wake.
    const ready = prepareStorage();
    const services = createServices();
    serveMessages(allMessages(services), ready);
    dispatchAlarms(ready);
    browser.runtime.onInstalled.addListener((details) => {
      void createMenus();
      openSetupOnInstall(details);
      // After an update: the matter store upgrades in place, and a pass fills in what the old format lacked.
      void ready.then(() => services.matters.prepare()).catch(() => undefined);
    });
    browser.contextMenus.onClicked.addListener((info, tab) => onMenuClick(services, info, tab));
    browser.commands.onCommand.addListener((command, tab) => onCommand(services, command, tab, ready));
    watchOmnibox(services, ready);
    browser.runtime.onStartup.addListener(() => void scheduleTokenRefresh(services.session));
    watchBadge(ready);
    watchIdle(ready);
    // Reminders and automatic stops (all off until chosen): their alarms decide from stored times and the clock.
    watchStopAt(services, ready);
    watchAway(services);
    watchAutoStop();
    watchReminder(services, ready);
    watchReminderOwner(services);
    sweepHandOffsLater();
    void ready.then((sessionStart) => (sessionStart ? keepSyncing() : undefined));
    // An attempt under way when the last worker died may have reached Clio: look before resending (at a session's
    // start the surfaces' copy of the outbox is written again).
    void ready.then((sessionStart) => services.outbox.recover(sessionStart)).then(() => services.outbox.flush());
    // A host granted (an upload origin a document waited for): whatever waited goes now.
    browser.permissions.onAdded.addListener(() => void ready.then(() => services.outbox.wake()));
  },
});
