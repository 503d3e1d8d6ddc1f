import { z } from 'zod';
import { INSTRUMENT_CODES, type InstrumentCode } from './instruments.ts';
import {
  DEFAULT_OUTCOMES_FRAMEWORK,
  type TimepointDefinition,
  ZOutcomesFramework,
} from './timepoints.ts';

/** What a programme measures and when: its instruments and its timepoints with windows. */
export interface ProgrammeOutcomesFramework {
  readonly instruments: readonly InstrumentCode[];
  readonly timepoints: readonly TimepointDefinition[];
}

/** The commissioners' common measures: depression, anxiety and wellbeing (BRIEF problem 7). */
export const DEFAULT_PROGRAMME_INSTRUMENTS: readonly InstrumentCode[] = ['PHQ9', 'GAD7', 'SWEMWBS'];

export const ZProgrammeOutcomesFramework = z.object({
  instruments: z
    .array(z.enum(INSTRUMENT_CODES as [InstrumentCode, ...InstrumentCode[]]))
    .min(1, 'Choose at least one questionnaire')
    .refine((codes) => new Set(codes).size === codes.length, 'Choose each questionnaire once'),
  timepoints: ZOutcomesFramework,
});

/** A programme's framework as stored (null: the default one). */
export function programmeOutcomesFramework(stored: unknown): ProgrammeOutcomesFramework {
  if (stored === null || stored === undefined) {
    return { instruments: DEFAULT_PROGRAMME_INSTRUMENTS, timepoints: DEFAULT_OUTCOMES_FRAMEWORK };
  }
  return ZProgrammeOutcomesFramework.parse(stored);
}
