import { useTranslateWith } from '../../i18n.ts';
import { safeguardingEn } from '../../messages/safeguarding.en.ts';

export const useSafeguardingT = () => useTranslateWith(safeguardingEn);
export type SafeguardingT = ReturnType<typeof useSafeguardingT>;
