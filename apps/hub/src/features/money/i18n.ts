import { useTranslateWith } from '../../i18n.ts';
import { moneyEn } from '../../messages/money.en.ts';

/** The hub's messages plus the money panel's own. */
export const useMoneyT = () => useTranslateWith(moneyEn);

export type MoneyTranslate = ReturnType<typeof useMoneyT>;
