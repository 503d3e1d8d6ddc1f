import { type UiMessages, uiEn, useTranslate } from '@coproduce/ui';
import { siteEn } from './messages/en.ts';

export type SiteMessages = UiMessages & typeof siteEn;

export const messages: SiteMessages = { ...uiEn, ...siteEn };
export const LOCALE = 'en-GB';

/** Translate with the site app's messages (and the shared ones). */
export const useT = () => useTranslate<SiteMessages>();
