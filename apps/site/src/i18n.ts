import {
  createTranslate,
  type Messages,
  type UiMessages,
  uiEn,
  useLocale,
  useTranslate,
  type WorkflowMessages,
  workflowEn,
} from '@coproduce/ui';
import { useMemo } from 'react';
import { siteEn } from './messages/en.ts';

export type SiteMessages = UiMessages & WorkflowMessages & typeof siteEn;

export const messages: SiteMessages = { ...uiEn, ...workflowEn, ...siteEn };
export const LOCALE = 'en-GB';

/** Translate with the site app's messages (and the shared ones). */
export const useT = () => useTranslate<SiteMessages>();

/**
 * Translate with the app's messages plus a screen's own, which a lazily loaded screen brings
 * with it (so its text stays out of the first download).
 */
export function useTranslateWith<M extends Messages>(own: M) {
  const locale = useLocale();
  return useMemo(() => createTranslate(locale, { ...messages, ...own }), [locale, own]);
}
