import { qrUrl } from '../net/api';

/** A QR code for a link, drawn by the server (no third-party service, works offline on the LAN). */
export function QrCode({ text, alt, size }: { text: string; alt: string; size: number }) {
  return <img className="qr" src={qrUrl(text)} alt={alt} width={size} height={size} data-testid="qr" />;
}
