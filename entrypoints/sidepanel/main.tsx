import { render } from 'preact';
import '@/components/base.css';
import { localizePage } from '@/components/page-language';
import './sidepanel.css';
import { Panel } from './Panel';

localizePage('matterPanelTitle');
render(<Panel />, document.getElementById('app')!);
