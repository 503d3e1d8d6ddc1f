import {
  type UiMessages,
  uiEn,
  useTranslate,
  type WorkflowMessages,
  workflowEn,
} from '@coproduce/ui';
import { siteEn } from './messages/en.ts';

export type SiteMessages = UiMessages & WorkflowMessages & typeof siteEn;

export const messages: SiteMessages = { ...uiEn, ...workflowEn, ...siteEn };
export const LOCALE = 'en-GB';

/** Translate with the site app's messages (and the shared ones). */
export const useT = () => useTranslate<SiteMessages>();
