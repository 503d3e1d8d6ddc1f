import { router } from '../../trpc/init.ts';
import { amendRateCardProcedure } from './amend-rate-card.ts';
import { listRateCardVersionsProcedure } from './list-versions.ts';
import { previewRateCardProcedure } from './preview-rate-card.ts';

export const rateCardRouter = router({
  versions: listRateCardVersionsProcedure,
  amend: amendRateCardProcedure,
  preview: previewRateCardProcedure,
});
