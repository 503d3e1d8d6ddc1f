import { useTranslateWith } from '../../i18n.ts';
import { rateCardsEn } from '../../messages/rate-cards.en.ts';

/** The hub's messages plus the rate card screens' own (which load with these screens). */
export const useRateCardsT = () => useTranslateWith(rateCardsEn);

export type RateCardsTranslate = ReturnType<typeof useRateCardsT>;
