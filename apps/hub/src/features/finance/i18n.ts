import { useTranslateWith } from '../../i18n.ts';
import { financeEn } from '../../messages/finance.en.ts';

/** The hub's messages plus the finance screens' own (which load with these screens). */
export const useFinanceT = () => useTranslateWith(financeEn);

export type FinanceTranslate = ReturnType<typeof useFinanceT>;
