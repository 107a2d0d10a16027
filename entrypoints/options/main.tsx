import { render } from 'preact';
import '@/components/tokens.css';
import '@/components/base.css';
import { localizePage } from '@/components/page-language';
import './options.css';
import { Options } from './Options';

const app = document.getElementById('app')!;
const showOptions = () => {
  localizePage('optionsPageTitle');
  render(<Options />, app);
};

// options.html#setup, opened on install: the first-run setup, its own chunk (the options page's normal load
// does not carry it). Done leaves the setup for the options page, in the same tab.
if (location.hash === '#setup') {
  localizePage('setupPageTitle');
  void import('./setup/Setup').then(({ Setup }) =>
    render(
      <Setup
        onDone={() => {
          history.replaceState(null, '', location.pathname);
          showOptions();
          window.scrollTo(0, 0);
        }}
      />,
      app,
    ),
  );
} else showOptions();
