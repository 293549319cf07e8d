import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

/**
 * A QR code for a link, drawn in the browser: the link never leaves the page, which matters
 * for a co-host link whose token must not end up in a server log, a proxy or a cache.
 */
export function QrCode({ text, alt, size }: { text: string; alt: string; size: number }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toString(text, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }).then(
      (svg) => live && setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`),
      () => live && setSrc(null),
    );
    return () => {
      live = false;
    };
  }, [text]);
  return src ? (
    <img className="qr" src={src} alt={alt} width={size} height={size} data-testid="qr" />
  ) : (
    <span className="qr" role="img" aria-label={alt} style={{ display: 'inline-block', width: size, height: size }} data-testid="qr" />
  );
}
