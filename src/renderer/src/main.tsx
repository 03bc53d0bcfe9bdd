// Renderer entry: styles, the transport for this host (Electron IPC or the serve HTTP API), the app.
import 'katex/dist/katex.min.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './grid/grid-setup';
import { createTransport } from './transport/create-transport';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App transport={createTransport()} />
  </StrictMode>,
);
