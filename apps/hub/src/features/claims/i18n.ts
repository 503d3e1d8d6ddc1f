import { useTranslateWith } from '../../i18n.ts';
import { claimsEn } from '../../messages/claims.en.ts';

/** The hub's messages plus the claim screens' own (which load with these screens). */
export const useClaimsT = () => useTranslateWith(claimsEn);

export type ClaimsTranslate = ReturnType<typeof useClaimsT>;
