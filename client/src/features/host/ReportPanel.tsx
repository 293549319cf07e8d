import { useState } from 'react';
import { navigate, paths } from '../../app/router';
import { errorKey } from '../../i18n';
import { useT } from '../../i18n/useT';
import { forget, keys } from '../../lib/storage';
import { disconnectSession } from '../../net';
import { ApiError } from '../../net/api';
import { useApp } from '../../store';
import { useConfirm } from '../../ui/Confirm';
import { QrCode } from '../../ui/QrCode';
import { useJoinBase } from '../../ui/useJoinBase';
import { createCohost, deleteSession, downloadReport, type Cohost } from '../report/api';
import { useRetentionDays } from '../report/useRetentionDays';
import './workshop.css';

/**
 * After (or during) the workshop: the report to take home, a link for a second facilitator, and
 * deleting the session when it is done, with what the server keeps said in plain words.
 */
export function ReportPanel() {
  const t = useT();
  const sessionId = useApp((s) => s.sessionId);
  const code = useApp((s) => s.code);
  const days = useRetentionDays();
  if (!sessionId) return null;
  const fileBase = `samenspel-${code ?? sessionId}`;

  return (
    <div className="report-panel">
      <section className="panel" aria-labelledby="report-title">
        <h2 id="report-title">{t('workshop.report.title')}</h2>
        <p className="muted">{t('workshop.report.intro')}</p>
        <Downloads sessionId={sessionId} fileBase={fileBase} />
      </section>
      <CohostSection sessionId={sessionId} />
      <section className="panel report-retention" aria-labelledby="retention-title">
        <h2 id="retention-title">{t('workshop.delete.title')}</h2>
        <p data-testid="retention-line">{days !== null ? t('workshop.retention', { n: days }) : t('workshop.retentionUnknown')}</p>
        <DeleteSession sessionId={sessionId} />
      </section>
    </div>
  );
}

function Downloads({ sessionId, fileBase }: { sessionId: string; fileBase: string }) {
  const t = useT();
  const [busy, setBusy] = useState<'pdf' | 'json' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const get = async (kind: 'pdf' | 'json') => {
    setBusy(kind);
    setError(null);
    try {
      await downloadReport(sessionId, kind, `${fileBase}.${kind}`);
    } catch (e) {
      setError(`${t('workshop.report.failed')} ${t(errorKey(e instanceof ApiError ? e.code : 'INTERNAL'))}`);
    } finally {
      setBusy(null);
    }
  };
  return (
    <>
      <div className="button-row">
        <button type="button" className="button-primary" onClick={() => void get('pdf')} disabled={busy !== null} data-testid="report-pdf">
          {busy === 'pdf' ? t('workshop.report.preparing') : t('workshop.report.pdf')}
        </button>
        <button type="button" className="button-secondary" onClick={() => void get('json')} disabled={busy !== null} data-testid="report-json">
          {busy === 'json' ? t('workshop.report.preparing') : t('workshop.report.json')}
        </button>
        <a className="button-secondary" href={paths.hostReport(sessionId)} target="_blank" rel="noopener" data-testid="report-print">
          {t('workshop.report.print')}
        </a>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}

function CohostSection({ sessionId }: { sessionId: string }) {
  const t = useT();
  const base = useJoinBase(sessionId);
  const [cohost, setCohost] = useState<Cohost | null>(null);
  const [busy, setBusy] = useState(false);
  const [copied, setCopied] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The LAN address, like the join link: a colleague's laptop cannot reach "localhost".
  const link = cohost ? `${base}${cohost.hostPath}#${cohost.cohostToken}` : null;

  const create = async () => {
    setBusy(true);
    setError(null);
    try {
      setCohost(await createCohost(sessionId));
      setCopied(false);
    } catch (e) {
      setError(t(errorKey(e instanceof ApiError ? e.code : 'INTERNAL')));
    } finally {
      setBusy(false);
    }
  };
  const copy = async () => {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      // Clipboard access needs https or localhost; the link is on screen to copy by hand.
    }
  };

  return (
    <section className="panel" aria-labelledby="cohost-title">
      <h2 id="cohost-title">{t('workshop.cohost.title')}</h2>
      <p className="muted">{t('workshop.cohost.intro')}</p>
      {!link ? (
        <button type="button" className="button-secondary" onClick={() => void create()} disabled={busy} data-testid="cohost-create">
          {t('workshop.cohost.create')}
        </button>
      ) : (
        <div className="cohost">
          <QrCode text={link} alt={t('workshop.cohost.qr')} size={160} />
          <div className="cohost-link">
            <label>
              <span>{t('workshop.cohost.link')}</span>
              <input type="text" readOnly value={link} onFocus={(e) => e.currentTarget.select()} data-testid="cohost-link" />
            </label>
            <div className="button-row">
              <button type="button" className="button-secondary" onClick={() => void copy()}>
                {copied ? t('created.copied') : t('workshop.cohost.copy')}
              </button>
            </div>
            <p className="hint">{t('workshop.cohost.warning')}</p>
          </div>
        </div>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

function DeleteSession({ sessionId }: { sessionId: string }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { ask, dialog } = useConfirm();
  const remove = async () => {
    if (!(await ask({ title: t('confirm.session.title'), body: t('workshop.delete.confirm'), confirm: t('workshop.delete.button'), danger: true }))) return;
    setBusy(true);
    setError(null);
    try {
      await deleteSession(sessionId);
      disconnectSession();
      forget(keys.host(sessionId));
      forget(keys.joinBase(sessionId));
      navigate(paths.home());
    } catch (e) {
      setError(t(errorKey(e instanceof ApiError ? e.code : 'INTERNAL')));
      setBusy(false);
    }
  };
  return (
    <>
      <p className="muted">{t('workshop.delete.what')}</p>
      <button type="button" className="button-danger" onClick={() => void remove()} disabled={busy} data-testid="session-delete">
        {t('workshop.delete.button')}
      </button>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {dialog}
    </>
  );
}
