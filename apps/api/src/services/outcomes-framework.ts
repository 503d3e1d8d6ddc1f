import type { Programme } from '@coproduce/db';
import { type ProgrammeOutcomesFramework, programmeOutcomesFramework } from '@coproduce/domain';

/** The instruments and timepoints a programme's evidence is collected against. */
export function outcomesFrameworkOf(
  programme: Pick<Programme, 'outcomesFramework'>,
): ProgrammeOutcomesFramework {
  return programmeOutcomesFramework(programme.outcomesFramework);
}
