import './styles/app.css';
import { startApp } from './app-shell';
import { must } from './dom';

void startApp(must<HTMLElement>('#app'));
