import '@coproduce/ui/styles.scss';
import { AppProviders } from '@coproduce/ui';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { router } from './app/router.tsx';
import { LOCALE, messages } from './i18n.ts';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <AppProviders
      config={{ app: 'site', basePath: import.meta.env.BASE_URL }}
      locale={LOCALE}
      messages={messages}
    >
      <RouterProvider router={router} />
    </AppProviders>
  </StrictMode>,
);
