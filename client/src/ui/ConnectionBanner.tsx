import { useEffect, useRef, useState } from 'react';
import { errorKey } from '../i18n';
import { useT } from '../i18n/useT';
import { useApp } from '../store';

/**
 * Says plainly when the connection is gone and that it comes back by itself, so nobody
 * reloads in a panic; and briefly confirms when it is back.
 */
export function ConnectionBanner({ onRetry }: { onRetry?: () => void }) {
  const t = useT();
  const status = useApp((s) => s.connection);
  const failure = useApp((s) => s.failure);
  const everReady = useApp((s) => s.everReady);
  const [back, setBack] = useState(false);
  const wasOffline = useRef(false);

  useEffect(() => {
    if (status === 'offline') wasOffline.current = true;
    if (status === 'ready' && wasOffline.current) {
      wasOffline.current = false;
      setBack(true);
      const timer = setTimeout(() => setBack(false), 3000);
      return () => clearTimeout(timer);
    }
  }, [status]);

  if (status === 'failed') {
    const reload = failure === 'PROTOCOL_MISMATCH';
    return (
      <div className="banner banner-error" role="alert">
        <span>{t(errorKey(failure ?? 'generic'))}</span>
        {reload ? (
          <button type="button" onClick={() => location.reload()}>
            {t('conn.reload')}
          </button>
        ) : onRetry ? (
          <button type="button" onClick={onRetry}>
            {t('conn.retry')}
          </button>
        ) : null}
      </div>
    );
  }
  if (status === 'offline' || (status === 'connecting' && everReady)) {
    return (
      <div className="banner banner-warn" role="status">
        <span className="spinner" aria-hidden="true" />
        {t('conn.offline')}
      </div>
    );
  }
  if (back && status === 'ready') {
    return (
      <div className="banner banner-ok" role="status">
        {t('conn.back')}
      </div>
    );
  }
  return null;
}
