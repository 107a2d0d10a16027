import { render } from 'preact';
import '@/components/base.css';
import './sidepanel.css';
import { Panel } from './Panel';

render(<Panel />, document.getElementById('app')!);
