import { createContext, type ReactNode, useContext } from 'react';

export type AppId = 'hub' | 'site';

export interface AppConfig {
  readonly app: AppId;
  /** Where the app is served, with a trailing slash (Vite's `base`), e.g. `/hub/`. */
  readonly basePath: string;
}

const AppConfigContext = createContext<AppConfig | null>(null);

export function AppConfigProvider({
  config,
  children,
}: {
  config: AppConfig;
  children: ReactNode;
}) {
  return <AppConfigContext.Provider value={config}>{children}</AppConfigContext.Provider>;
}

export function useAppConfig(): AppConfig {
  const config = useContext(AppConfigContext);
  if (config === null) throw new Error('useAppConfig needs an <AppConfigProvider> above it');
  return config;
}

/** An absolute URL inside this app, for links that leave the page (emails, redirects). */
export function appUrl(config: AppConfig, path: string): string {
  return `${window.location.origin}${config.basePath}${path.replace(/^\//, '')}`;
}
