import { Tag } from '@coproduce/ui';
import { useParticipantsT } from './t.ts';

export type ConsentStatus = 'in-force' | 'withdrawn' | 'none';

export function ConsentTag({ status }: { status: ConsentStatus }) {
  const t = useParticipantsT();
  const colour = status === 'in-force' ? 'green' : status === 'withdrawn' ? 'orange' : 'grey';
  return <Tag colour={colour}>{t(`consent.status.${status}`)}</Tag>;
}
