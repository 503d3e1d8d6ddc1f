import {
  INSTRUMENTS,
  type InstrumentCode,
  LICENSED_INSTRUMENTS,
  type LicensedInstrumentCode,
  MOS_SSS_SUBSCALE_NAMES,
  ONS4_MEASURES,
} from '@coproduce/domain';
import type { GlossaryTermId } from '../glossary/Term.tsx';

/** A stored or previewed score, as the API and `scoreInstrument` give it. */
export interface ScoreLike {
  readonly instrument: string;
  readonly valid: boolean;
  readonly total: number | null;
  readonly band: string | null;
  readonly caseness: boolean | null;
  readonly metric: number | null;
  readonly subscales: Readonly<Record<string, number>>;
}

const isPublished = (code: string): code is InstrumentCode => Object.hasOwn(INSTRUMENTS, code);
const isLicensedCode = (code: string): code is LicensedInstrumentCode =>
  Object.hasOwn(LICENSED_INSTRUMENTS, code);

/** The name people use: "PHQ-9", "Outcomes Star". */
export function instrumentShortName(code: string): string {
  if (isPublished(code)) return INSTRUMENTS[code].shortName;
  if (isLicensedCode(code)) return LICENSED_INSTRUMENTS[code].name.replace(/ \(.*\)$/, '');
  return code;
}

export function instrumentFullName(code: string): string {
  if (isPublished(code)) return INSTRUMENTS[code].name;
  if (isLicensedCode(code)) return LICENSED_INSTRUMENTS[code].name;
  return code;
}

/** The glossary entry for an instrument, where the glossary has one. */
export function instrumentTerm(code: string): GlossaryTermId | null {
  const terms: Record<string, GlossaryTermId> = {
    PHQ9: 'phq-9',
    GAD7: 'gad-7',
    WEMWBS: 'wemwbs',
    SWEMWBS: 'swemwbs',
    ONS4: 'ons4',
    MOS_SSS: 'mos-sss',
    PAM: 'pam',
    OUTCOMES_STAR: 'outcomes-star',
  };
  return terms[code] ?? null;
}

export type ScoreLine =
  | { readonly kind: 'not-scored' }
  | { readonly kind: 'total'; readonly score: number; readonly max: number | null }
  | { readonly kind: 'measures'; readonly measures: readonly MeasureLine[] };

export interface MeasureLine {
  readonly key: string;
  readonly value: number;
  readonly max: number;
}

/** The number (or numbers) that make the score, by instrument. */
export function scoreLine(score: ScoreLike): ScoreLine {
  if (!score.valid) return { kind: 'not-scored' };
  const code = score.instrument;
  if (code === 'ONS4') {
    return {
      kind: 'measures',
      measures: ONS4_MEASURES.flatMap((key) => {
        const value = score.subscales[key];
        return value === undefined ? [] : [{ key: `ons4.${key}`, value, max: 10 }];
      }),
    };
  }
  if (code === 'MOS_SSS') {
    // Overall first: it is the one number most people want.
    const order = ['overall', ...MOS_SSS_SUBSCALE_NAMES.filter((n) => n !== 'overall')];
    return {
      kind: 'measures',
      measures: order.flatMap((key) => {
        const value = score.subscales[key];
        return value === undefined ? [] : [{ key: `mos.${key}`, value, max: 100 }];
      }),
    };
  }
  if (code === 'SWEMWBS' && score.metric !== null) {
    return { kind: 'total', score: score.metric, max: 35 };
  }
  if (score.total === null) return { kind: 'not-scored' };
  if (isPublished(code)) {
    return { kind: 'total', score: score.total, max: INSTRUMENTS[code].scoreRange?.max ?? null };
  }
  if (isLicensedCode(code)) {
    return { kind: 'total', score: score.total, max: LICENSED_INSTRUMENTS[code].max };
  }
  return { kind: 'total', score: score.total, max: null };
}

/** The published plain-words meaning of the band, if the instrument has bands. */
export function bandMeaning(score: ScoreLike): string | null {
  if (!isPublished(score.instrument) || score.band === null) return null;
  return INSTRUMENTS[score.instrument].bands.find((b) => b.band === score.band)?.meaning ?? null;
}

/** What the score measures, in plain words (published instruments only). */
export function scoreMeaning(code: string): string | null {
  return isPublished(code) ? INSTRUMENTS[code].scoreMeaning : null;
}

/** A PAM band arrives as "level 3". */
export function pamLevel(band: string | null): number | null {
  const match = band === null ? null : /^level (\d)$/.exec(band);
  return match ? Number(match[1]) : null;
}
