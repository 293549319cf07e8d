import WebSocket from 'ws';

/**
 * A lean Socket.IO client for the load generator: the Engine.IO v4 / Socket.IO v5 wire
 * protocol over one WebSocket, nothing else (no reconnection, no buffering, no binary, the
 * main namespace only). On the wire it is the same as socket.io-client with
 * `transports: ['websocket']`, so the server does exactly the same work; only this process
 * does less, which matters when 800 simulated tablets share two cores with the server.
 */
export class RawSocket {
  private readonly listeners = new Map<string, Set<(payload: never) => void>>();
  private readonly acks = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }>();
  private nextAck = 0;
  private closed = false;

  private constructor(private readonly ws: WebSocket) {}

  static connect(url: string, timeoutMs = 10_000): Promise<RawSocket> {
    const wsUrl = `${url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`;
    const ws = new WebSocket(wsUrl, { perMessageDeflate: false });
    const socket = new RawSocket(ws);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        ws.terminate();
        reject(new Error(`no Socket.IO connect from ${url} within ${timeoutMs} ms`));
      }, timeoutMs);
      ws.on('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
      ws.on('close', () => socket.onClose());
      ws.on('message', (data: Buffer, isBinary: boolean) => {
        if (isBinary) return;
        const text = data.toString();
        switch (text.charCodeAt(0)) {
          case 48: // '0' Engine.IO open: join the main namespace
            ws.send('40');
            return;
          case 50: // '2' ping
            ws.send('3');
            return;
          case 52: // '4' Engine.IO message carrying a Socket.IO packet
            if (text.startsWith('40')) {
              clearTimeout(timer);
              resolve(socket);
            } else if (text.startsWith('44')) {
              clearTimeout(timer);
              reject(new Error(`connect refused: ${text.slice(2)}`));
            } else socket.onPacket(text);
            return;
          default:
            return;
        }
      });
    });
  }

  private onPacket(text: string): void {
    // 42[event,payload] or 43<id>[payload]
    const type = text.charCodeAt(1);
    // 41: the server ended this socket (a limit cut it off); the WebSocket closes next.
    if (type !== 50 && type !== 51) return;
    let i = 2;
    while (i < text.length && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
    const id = i > 2 ? Number(text.slice(2, i)) : null;
    const body = JSON.parse(text.slice(i)) as unknown[];
    if (type === 50) {
      const handlers = this.listeners.get(body[0] as string);
      if (handlers) for (const h of handlers) h(body[1] as never);
    } else if (type === 51 && id !== null) {
      const pending = this.acks.get(id);
      if (!pending) return;
      this.acks.delete(id);
      clearTimeout(pending.timer);
      pending.resolve(body[0]);
    }
  }

  private onClose(): void {
    this.closed = true;
    for (const p of this.acks.values()) {
      clearTimeout(p.timer);
      p.reject(new Error('socket closed'));
    }
    this.acks.clear();
  }

  get connected(): boolean {
    return !this.closed && this.ws.readyState === WebSocket.OPEN;
  }

  emit(event: string, payload: unknown): void {
    if (this.connected) this.ws.send(`42${JSON.stringify([event, payload])}`);
  }

  emitWithAck<T>(event: string, payload: unknown, timeoutMs = 10_000): Promise<T> {
    if (!this.connected) return Promise.reject(new Error('socket closed'));
    const id = this.nextAck++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.acks.delete(id);
        reject(new Error(`no ack for ${event} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.acks.set(id, { resolve: resolve as (v: unknown) => void, reject, timer });
      this.ws.send(`42${id}${JSON.stringify([event, payload])}`);
    });
  }

  on<T>(event: string, handler: (payload: T) => void): void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(handler as (payload: never) => void);
  }

  off<T>(event: string, handler: (payload: T) => void): void {
    this.listeners.get(event)?.delete(handler as (payload: never) => void);
  }

  disconnect(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send('41');
    this.ws.close();
  }
}
