/** The keyboard commands (manifest `commands`): open the matter panel, start or stop the timer. */
import type { Browser } from 'wxt/browser';
import { openMatterPanel, panelTarget } from '@/lib/browser/side-panel';
import type { Services } from './services';

/** Synchronous up to the panel's opening: the user gesture is lost after an await. The timer waits for `ready` (stored shapes migrated). */
export function onCommand(services: Services, command: string, tab: Browser.tabs.Tab | undefined, ready: Promise<unknown> = Promise.resolve()): void {
  if (command === 'open-matter-panel') void openMatterPanel(panelTarget(tab)).catch(() => undefined);
  if (command === 'toggle-timer') void ready.then(() => services.timer.toggle()).catch(() => undefined);
}
