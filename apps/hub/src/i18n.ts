import {
  type UiMessages,
  uiEn,
  useTranslate,
  type WorkflowMessages,
  workflowEn,
} from '@coproduce/ui';
import { hubEn } from './messages/en.ts';

export type HubMessages = UiMessages & WorkflowMessages & typeof hubEn;

export const messages: HubMessages = { ...uiEn, ...workflowEn, ...hubEn };
export const LOCALE = 'en-GB';

/** Translate with the hub's messages (and the shared ones). */
export const useT = () => useTranslate<HubMessages>();
