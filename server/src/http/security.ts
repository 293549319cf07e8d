import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * Response headers for every HTTP answer. The Content-Security-Policy allows only the app's
 * own files: the built client has no inline script, QR codes are drawn in the browser as
 * `data:` images, and the socket connects to the page's own origin (or PUBLIC_URL).
 *
 * Not sent: `upgrade-insecure-requests` and HSTS. A workshop runs on plain http on the venue's
 * LAN (`http://192.168.1.20:3000`); either would send tablets to an https that isn't there.
 */
export function securityHeaders(publicUrl: string | null): RequestHandler {
  const connect = ["'self'"];
  const origin = publicOrigin(publicUrl);
  if (origin) connect.push(origin, origin.replace(/^http/, 'ws'));
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': connect,
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
      },
    },
    strictTransportSecurity: false,
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
}

/** The origin (`scheme://host:port`) of PUBLIC_URL, or null when it is not set or not a URL. */
export function publicOrigin(publicUrl: string | null): string | null {
  if (!publicUrl) return null;
  try {
    return new URL(publicUrl).origin;
  } catch {
    return null;
  }
}
