import { Button, ErrorState, readError, saveFile, useTRPC } from '@coproduce/ui';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useClaimsT } from './i18n.ts';

/** UTF-8 text as base64, which is how files reach `saveFile`. */
function textToBase64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * The programme's outcome metrics, prices, commitments, results and outcome payments as JSON in
 * the Government Outcomes Lab's INDIGO data standard (aggregates only, no personal data).
 */
export function IndigoExport({ programmeId }: { programmeId: string }) {
  const t = useClaimsT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [state, setState] = useState<
    | { kind: 'idle' }
    | { kind: 'pending' }
    | { kind: 'saved'; file: string }
    | { kind: 'failed'; message: string }
  >({ kind: 'idle' });

  const download = async () => {
    setState({ kind: 'pending' });
    try {
      const document = await queryClient.fetchQuery(
        trpc.indigo.programme.queryOptions({ programmeId }),
      );
      const fileName = `indigo-${programmeId}.json`;
      saveFile({
        fileName,
        mimeType: 'application/json',
        contentBase64: textToBase64(JSON.stringify(document, null, 2)),
      });
      setState({ kind: 'saved', file: fileName });
    } catch (error) {
      setState({ kind: 'failed', message: readError(error, t('state.unreachable')).message });
    }
  };

  return (
    <section aria-labelledby="indigo-export" className="govuk-!-margin-top-8">
      <h2 className="govuk-heading-m" id="indigo-export">
        {t('claims.indigo.heading')}
      </h2>
      <p className="govuk-body">{t('claims.indigo.body')}</p>
      {state.kind === 'failed' && <ErrorState message={state.message} />}
      <Button
        type="button"
        variant="secondary"
        pending={state.kind === 'pending'}
        onClick={() => void download()}
      >
        {t('claims.indigo.download')}
      </Button>
      <p className="govuk-body" role="status">
        {state.kind === 'saved' ? t('claims.indigo.done', { file: state.file }) : ''}
      </p>
    </section>
  );
}
