import { router } from '../../trpc/init.ts';
import { getTemplateProcedure } from './get-template.ts';
import { listImportChoicesProcedure } from './list-import-choices.ts';
import { uploadEvidenceProcedure } from './upload-evidence.ts';

export const evidenceImportRouter = router({
  choices: listImportChoicesProcedure,
  template: getTemplateProcedure,
  upload: uploadEvidenceProcedure,
});
