import { useCallback, useState, type ReactNode } from 'react';
import { useT } from '../i18n/useT';
import { Dialog } from './Dialog';

/*
 * Kept apart from Dialog.tsx: only the facilitator's page asks for confirmation, so a tablet
 * does not load it.
 */

export interface ConfirmRequest {
  title: string;
  body: string;
  /** The words on the button that goes ahead ("Laat gebeuren", "Verwijderen"). */
  confirm: string;
  danger?: boolean;
}

/**
 * Asks before something that cannot be undone, in the page rather than with the browser's
 * `confirm()` (which embedded and automated browsers dismiss without showing). Escape or
 * "Annuleren" cancels; Enter or the button goes ahead, since focus starts on it.
 *
 *   const { ask, dialog } = useConfirm();
 *   if (await ask({ title, body, confirm })) …;  // and render {dialog}
 */
export function useConfirm(): { ask: (request: ConfirmRequest) => Promise<boolean>; dialog: ReactNode } {
  const [pending, setPending] = useState<{ request: ConfirmRequest; resolve: (ok: boolean) => void } | null>(null);
  const ask = useCallback((request: ConfirmRequest) => new Promise<boolean>((resolve) => setPending({ request, resolve })), []);
  const settle = (ok: boolean) => {
    pending?.resolve(ok);
    setPending(null);
  };
  const dialog = (
    <ConfirmDialog request={pending?.request ?? null} onSettle={settle} />
  );
  return { ask, dialog };
}

function ConfirmDialog({ request, onSettle }: { request: ConfirmRequest | null; onSettle: (ok: boolean) => void }) {
  const t = useT();
  return (
    <Dialog open={request !== null} onClose={() => onSettle(false)} label={request?.title ?? ''} className="dialog-confirm" testId="confirm-dialog">
      {request && (
        <form
          method="dialog"
          onSubmit={(e) => {
            e.preventDefault();
            onSettle(true);
          }}
        >
          <h2 className="dialog-title">{request.title}</h2>
          <p className="dialog-body">{request.body}</p>
          <div className="button-row dialog-actions">
            <button type="button" className="button-secondary" onClick={() => onSettle(false)} data-testid="confirm-cancel">
              {t('confirm.cancel')}
            </button>
            <button type="submit" className={request.danger ? 'button-danger' : 'button-primary'} data-autofocus data-testid="confirm-ok">
              {request.confirm}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
