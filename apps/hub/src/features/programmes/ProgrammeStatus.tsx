import { type ProgrammeSummary, StageTag, StateTag, Tag } from '@coproduce/ui';
import { useT } from '../../i18n.ts';

/** Where a programme is only when the stage alone does not say it (a proposal in review). */
export function showsSubState(programme: Pick<ProgrammeSummary, 'stage' | 'state'>): boolean {
  return programme.state !== programme.stage && programme.state !== `active.${programme.stage}`;
}

/** A programme's stage, its state within the stage when that adds something, and overdue returns. */
export function ProgrammeStatus({
  programme,
  showStage = true,
}: {
  programme: Pick<ProgrammeSummary, 'stage' | 'state' | 'overdueReturn'>;
  showStage?: boolean;
}) {
  const t = useT();
  return (
    <span className="app-tag-row">
      {showStage && <StageTag stage={programme.stage} />}
      {showsSubState(programme) && <StateTag kind="programme" state={programme.state} />}
      {programme.overdueReturn && <Tag colour="red">{t('programmes.returnOverdue')}</Tag>}
    </span>
  );
}
