import { render } from 'preact';
import '@/components/tokens.css';
import '@/components/base.css';
import { localizePage } from '@/components/page-language';
import './sidepanel.css';
import { localIndex } from './local-index';
import { Panel } from './Panel';

// The index starts opening while the panel first renders (an empty store, signed out, costs nothing).
void localIndex().catch(() => undefined);
localizePage('matterPanelTitle');
render(<Panel />, document.getElementById('app')!);
