import { useTranslateWith } from '../../i18n.ts';
import { questionnairesEn } from '../../messages/questionnaires.en.ts';

export const useQuestionnaireT = () => useTranslateWith(questionnairesEn);
export type QuestionnaireT = ReturnType<typeof useQuestionnaireT>;
