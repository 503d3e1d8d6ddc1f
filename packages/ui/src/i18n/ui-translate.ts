import type { uiEn } from '../messages/en.ts';
import { type Translate, useTranslate } from './i18n.tsx';

export type UiMessages = typeof uiEn;
export type UiTranslate = Translate<UiMessages>;

/** Translate with the shared messages every app includes. */
export function useUiT(): UiTranslate {
  return useTranslate<UiMessages>();
}
