import { QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { I18nProvider, type Messages } from '../i18n/i18n.tsx';
import { createQueryClient } from '../trpc/query-client.ts';
import { createTrpcClient, TRPCProvider } from '../trpc/trpc.ts';
import { type AppConfig, AppConfigProvider } from './config.tsx';

export function AppProviders({
  config,
  locale,
  messages,
  children,
}: {
  config: AppConfig;
  locale: string;
  messages: Messages;
  children: ReactNode;
}) {
  const [queryClient] = useState(createQueryClient);
  const [trpcClient] = useState(createTrpcClient);
  return (
    <AppConfigProvider config={config}>
      <I18nProvider locale={locale} messages={messages}>
        <QueryClientProvider client={queryClient}>
          <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
            {children}
          </TRPCProvider>
        </QueryClientProvider>
      </I18nProvider>
    </AppConfigProvider>
  );
}
