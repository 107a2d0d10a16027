import { render } from 'preact';
import '@/components/tokens.css';
import '@/components/base.css';
import { localizePage } from '@/components/page-language';
import './options.css';
import { Options } from './Options';

localizePage('optionsPageTitle');
render(<Options />, document.getElementById('app')!);
