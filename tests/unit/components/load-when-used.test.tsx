// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { loadWhenUsed } from '@/components/load-when-used';

const Greeting = ({ name }: { name: string }) => <p>Hello {name}</p>;

function mount(node: preact.ComponentChild): HTMLElement {
  const root = document.createElement('div');
  render(node, root);
  return root;
}

describe('loadWhenUsed', () => {
  it('says it is loading, then shows the loaded component with its props, and loads it once', async () => {
    let resolve!: (c: typeof Greeting) => void;
    const load = vi.fn(() => new Promise<typeof Greeting>((r) => (resolve = r)));
    const Lazy = loadWhenUsed(load);
    const first = mount(<Lazy name="Ada" />);
    expect(first.textContent).toBe('Loading…');
    await vi.waitFor(() => expect(load).toHaveBeenCalled());
    resolve(Greeting);
    await vi.waitFor(() => expect(first.textContent).toBe('Hello Ada'));
    const second = mount(<Lazy name="Grace" />);
    expect(second.textContent).toBe('Hello Grace');
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('says when the code did not load, and tries again when shown again', async () => {
    const load = vi.fn().mockRejectedValueOnce(new Error('Failed to fetch dynamically imported module')).mockResolvedValue(Greeting);
    const Lazy = loadWhenUsed<{ name: string }>(load);
    const failed = mount(<Lazy name="Ada" />);
    await vi.waitFor(() => expect(failed.textContent).toContain('This form did not load (Failed to fetch dynamically imported module)'));
    expect(failed.querySelector('[role="alert"]')).not.toBeNull();
    const again = mount(<Lazy name="Ada" />);
    await vi.waitFor(() => expect(again.textContent).toBe('Hello Ada'));
    expect(load).toHaveBeenCalledTimes(2);
  });
});
