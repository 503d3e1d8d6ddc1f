import { useTranslateWith } from '../../i18n.ts';
import { importsEn } from '../../messages/imports.en.ts';

export const useImportT = () => useTranslateWith(importsEn);
export type ImportT = ReturnType<typeof useImportT>;
