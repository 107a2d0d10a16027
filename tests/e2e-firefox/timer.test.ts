/**
 * The timer in Firefox: started from the popup, still there after Firefox stopped the event page (as it does
 * after 30 s idle), stopped, and Clio's entry checked in the sandbox; the keyboard command through the
 * same function its listener calls; the popup's "Matter lookup" opening Firefox's sidebar.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { openPopup, pickMatter, sandbox, signedIn, useFirefox } from './fixtures';
import { byRole, click, fill, has, send, textOf, until, waitForText } from './page-helpers';

type PageGlobals = {
  browser: {
    action: { getBadgeText(d: object): Promise<string> };
    alarms: { get(name: string): Promise<{ name: string } | undefined> };
    runtime: { getBackgroundPage(): Promise<Record<string, unknown>> };
  };
};
const badge = (page: Page) => page.evaluate(() => (globalThis as unknown as PageGlobals).browser.action.getBadgeText({}));

describe('Firefox: timer', () => {
  const firefox = useFirefox();

  it('start a timer on a matter from the popup, survive the event page being stopped, stop it; Clio has the entry', async () => {
    const [matter] = await sandbox.matters('', 'Open');
    await signedIn(firefox());
    let popup = await openPopup(firefox());
    await pickMatter(popup, matter!.display_number);
    await fill(popup, 'textbox', 'Description', 'Review discovery responses');
    await sandbox.clearLog();
    await click(popup, 'button', 'Start timer');

    await until(async () => /^0:00:\d\d$/.test(await textOf(popup, 'timer')), { message: 'the running timer' });
    await byRole(popup, 'button', 'Stop timer');
    const started = await sandbox.state();
    expect(started.timers).toHaveLength(1);
    const activity = started.createdActivities.find((a) => a.id === started.timers[0]!.activityId)!;
    expect(activity).toMatchObject({ matter: { id: matter!.id }, note: 'Review discovery responses' });
    expect((await sandbox.log()).filter((r) => r.path.startsWith('/api/v4'))).toHaveLength(1); // starting costs one request
    await until(async () => /^0:0\d$/.test(await badge(popup)), { message: 'the badge to show the running time' });

    // The event page's globals are its own: mark them, then stop it as Firefox does when it idles.
    await popup.evaluate(async () => {
      ((await (globalThis as unknown as PageGlobals).browser.runtime.getBackgroundPage()) as Record<string, unknown>).__e2eMark = 'before';
    });
    await popup.close();
    await firefox().terminateBackground();
    expect(await firefox().backgroundState()).toBe('stopped');

    // The popup wakes it; the time comes from the stored start, nothing is lost.
    popup = await openPopup(firefox());
    await byRole(popup, 'timer');
    await waitForText(popup, matter!.display_number);
    await until(async () => (await firefox().backgroundState()) === 'running', { message: 'the event page to start again' });
    const mark = await popup.evaluate(
      async () => ((await (globalThis as unknown as PageGlobals).browser.runtime.getBackgroundPage()) as Record<string, unknown>).__e2eMark ?? null,
    );
    expect(mark).toBeNull(); // a fresh event page, not the old one
    // The badge's alarm outlived the event page (alarms belong to the extension, not to its background).
    expect(await popup.evaluate(async () => (await (globalThis as unknown as PageGlobals).browser.alarms.get('timer-badge'))?.name ?? null)).toBe(
      'timer-badge',
    );

    await sandbox.clearLog();
    await click(popup, 'button', 'Stop timer');
    await waitForText(popup, 'Saved');
    const stopped = await sandbox.state();
    expect(stopped.timers).toHaveLength(0);
    const recorded = stopped.createdActivities.find((a) => a.id === activity.id)!;
    expect(recorded.quantity).toBeGreaterThan(0);
    expect(recorded.matter?.id).toBe(matter!.id);
    const api = (await sandbox.log()).filter((r) => r.path.startsWith('/api/v4'));
    expect(api.length).toBeLessThanOrEqual(3); // stop (and the note), plus at most one freshness check
    await byRole(popup, 'combobox', 'Matter');
    await until(async () => (await badge(popup)) === '', { message: 'the badge to clear' });
  });

  it('switch matter: two entries with no gap and no overlap, the second timer surviving the event page being stopped', async () => {
    const [a, b] = await sandbox.matters('', 'Open');
    await signedIn(firefox());
    let popup = await openPopup(firefox());
    await pickMatter(popup, a!.display_number);
    const startedAt = Date.now();
    await click(popup, 'button', 'Start timer');
    await byRole(popup, 'timer');
    await new Promise((r) => setTimeout(r, 2_000));
    await click(popup, 'button', 'Switch matter');
    await pickMatter(popup, b!.display_number);
    await sandbox.clearLog();
    await click(popup, 'button', 'Switch');
    // The switch's status: the first timer's stop, then the start (the first start's status said only the latter).
    await waitForText(popup, /\S+ Timer started\./);
    expect((await sandbox.log()).filter((r) => r.path.startsWith('/api/v4')).length).toBeLessThanOrEqual(3);

    await popup.close();
    await firefox().terminateBackground();
    popup = await openPopup(firefox());
    await waitForText(popup, b!.display_number);
    const pressedAt = Date.now();
    await click(popup, 'button', 'Stop timer');
    await waitForText(popup, 'Saved');
    const stoppedAt = Date.now(); // the stop happened between the press and now
    const { timers, createdActivities } = await sandbox.state();
    expect(timers).toHaveLength(0);
    const one = createdActivities.find((x) => x.matter?.id === a!.id)!;
    const two = createdActivities.find((x) => x.matter?.id === b!.id)!;
    expect(one.quantity).toBeGreaterThanOrEqual(2);
    expect(two.quantity).toBeGreaterThanOrEqual(0);
    // Together, the time from start to stop: nothing lost, nothing counted twice (each rounded to a second; the start's
    // instant is taken before its click's round trip).
    expect(one.quantity + two.quantity).toBeLessThanOrEqual((stoppedAt - startedAt) / 1000 + 1);
    expect(one.quantity + two.quantity).toBeGreaterThanOrEqual((pressedAt - startedAt) / 1000 - 3);
  });

  it('the keyboard command starts the last-used matter’s timer, and stops it (through triggers/command, the listener’s own function)', async () => {
    const [matter] = await sandbox.matters('', 'Open');
    await signedIn(firefox());
    const popup = await openPopup(firefox());
    await pickMatter(popup, matter!.display_number);
    await click(popup, 'button', 'Start timer');
    await click(popup, 'button', 'Stop timer');
    await waitForText(popup, 'Saved');

    await send(popup, 'triggers/command', { command: 'toggle-timer' });
    await byRole(popup, 'timer');
    await until(async () => (await sandbox.state()).timers.length === 1, { message: 'Clio’s timer to start' });
    const running = await sandbox.state();
    expect(running.createdActivities.find((a) => a.id === running.timers[0]!.activityId)?.matter?.id).toBe(matter!.id);

    await send(popup, 'triggers/command', { command: 'toggle-timer' });
    await byRole(popup, 'button', 'Start timer');
    await until(async () => (await sandbox.state()).timers.length === 0, { message: 'Clio’s timer to stop' });
  });

  it('the popup’s "Matter lookup" opens Firefox’s sidebar (sidebarAction.open, inside the click)', async () => {
    await signedIn(firefox());
    const popup = await openPopup(firefox());
    const other = await firefox().open('options.html');
    const isOpen = () =>
      other.evaluate(() => (globalThis as unknown as { browser: { sidebarAction: { isOpen(d: object): Promise<boolean> } } }).browser.sidebarAction.isOpen({}));
    // Firefox opens an add-on's sidebar when it is installed: close it first (test machinery, chrome scope).
    await until(async () => (await isOpen()) || undefined, { timeout: 5_000, message: 'the sidebar opened at install' }).catch(() => undefined);
    await firefox().chrome(`Services.wm.getMostRecentWindow('navigator:browser').SidebarController.hide()`);
    await until(async () => !(await isOpen()), { message: 'the sidebar to close' });
    await popup.bringToFront();
    await click(popup, 'button', 'Matter lookup');
    await until(isOpen, { message: 'the sidebar to open' });
    // The command's path ends in the same call; raised by a message it is no user action, and Firefox refuses
    // it quietly (the handler catches the refusal): the trigger still answers.
    await send(other, 'triggers/command', { command: 'open-matter-panel' });
    expect(await has(other, 'button', 'Sign out')).toBe(true);
  });
});
