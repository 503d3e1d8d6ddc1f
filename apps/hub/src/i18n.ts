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
import { hubEn } from './messages/en.ts';

export type HubMessages = UiMessages & WorkflowMessages & typeof hubEn;

export const messages: HubMessages = { ...uiEn, ...workflowEn, ...hubEn };
export const LOCALE = 'en-GB';

/** Translate with the hub's messages (and the shared ones). */
export const useT = () => useTranslate<HubMessages>();

/**
 * Translate with the hub's messages plus a screen's own, which a lazily loaded screen brings
 * with it (so its text stays out of the first download).
 */
export function useTranslateWith<M extends Messages>(own: M) {
  const locale = useLocale();
  return useMemo(() => createTranslate(locale, { ...messages, ...own }), [locale, own]);
}
