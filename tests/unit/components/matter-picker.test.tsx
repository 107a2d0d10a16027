// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { MatterPicker } from '@/components/MatterPicker';
import type { MatterRef } from '@/lib/matter-ref';
import { pinnedFirst } from '@/lib/matters/pinned-order';

const m = (id: number): MatterRef => ({ id, displayNumber: `0000${id}-X`, description: `Matter ${id}` });

describe('MatterPicker with pinned matters', () => {
  it('lists the page’s suggestion first, then the pinned matters in their group, then the rest; a choice carries no mark', async () => {
    const suggested = m(1);
    const pinned = m(2);
    const recent = [m(3), m(1), m(2)];
    const onChange = vi.fn();
    const root = document.createElement('div');
    document.body.append(root);
    render(
      <MatterPicker
        id="t"
        value={null}
        onChange={onChange}
        search={async (q) => pinnedFirst(recent, [pinned], q)}
        suggested={[{ matter: suggested, reasons: ['Client email'] }]}
      />,
      root,
    );
    const input = root.querySelector('input')!;
    input.dispatchEvent(new FocusEvent('focus'));
    await vi.waitFor(() => expect(root.querySelectorAll('[role="option"]')).toHaveLength(3));

    const numbers = [...root.querySelectorAll('[role="option"] .num')].map((e) => e.textContent);
    expect(numbers).toEqual(['00001-X', '00002-X', '00003-X']);
    const groups = [...root.querySelectorAll('[role="group"]')].map((g) => [g.getAttribute('aria-label'), g.querySelectorAll('[role="option"]').length]);
    expect(groups).toEqual([
      ['Suggested for this page', 1],
      ['Pinned', 1],
    ]);

    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown' }));
    await vi.waitFor(() => expect(input.getAttribute('aria-activedescendant')).toBe('t-opt-1'));
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    expect(onChange).toHaveBeenCalledWith(pinned);
    expect(onChange.mock.calls[0]![0]).not.toHaveProperty('pinned');
    root.remove();
  });
});
