import { useT } from '../i18n/useT';
import { QrCode } from './QrCode';

/** The code, QR code and link people join with, readable across a room. */
export function SessionInvite({ code, joinUrl, size = 'large' }: { code: string; joinUrl: string; size?: 'large' | 'compact' }) {
  const t = useT();
  const local = isLocalOnly(joinUrl);
  return (
    <div className={`invite invite-${size}`}>
      <div className="invite-code-block">
        <p className="invite-label">{t('created.code')}</p>
        <p className="invite-code" data-testid="session-code" aria-label={spellCode(code)}>
          {code}
        </p>
        <p className="invite-label">{t('created.link')}</p>
        <p className="invite-url">
          <a href={joinUrl} data-testid="join-link">
            <ShortUrl url={joinUrl} />
          </a>
        </p>
        {local && <p className="warning">{t('created.localhost')}</p>}
      </div>
      <figure className="invite-qr">
        <QrCode text={joinUrl} alt={t('created.qrAlt', { url: joinUrl })} size={size === 'large' ? 220 : 140} />
        <figcaption>{t('created.scan')}</figcaption>
      </figure>
    </div>
  );
}

/** Letters one by one, so a screen reader says "A C D 3…" rather than a made-up word. */
export function spellCode(code: string): string {
  return code.split('').join(' ');
}

function isLocalOnly(url: string): boolean {
  try {
    const host = new URL(url).hostname;
    return host === 'localhost' || host === '127.0.0.1' || host === '[::1]';
  } catch {
    return false;
  }
}

/** A link without its scheme, allowed to wrap only between address and path (never inside the code). */
export function ShortUrl({ url }: { url: string }) {
  const bare = url.replace(/^https?:\/\//, '');
  const slash = bare.indexOf('/');
  if (slash < 0) return <>{bare}</>;
  return (
    <>
      {bare.slice(0, slash)}
      <wbr />
      {bare.slice(slash)}
    </>
  );
}
