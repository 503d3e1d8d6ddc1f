import { useTranslateWith } from '../../i18n.ts';
import { payEn } from '../../messages/pay.en.ts';

/** The app's messages plus the pay screens' own (which load with the screens). */
export const usePayT = () => useTranslateWith(payEn);
export type PayT = ReturnType<typeof usePayT>;
