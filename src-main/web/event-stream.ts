/**
 * Server-sent events for the page: each contract event becomes `event: <name>` with its JSON
 * payload. A comment every 15 s keeps proxies and idle timers from closing the stream.
 */
import type { ServerResponse } from 'node:http';
import type { EmitEvent } from '../../src-shared/api';

export interface EventHub {
  emit: EmitEvent;
  attach(res: ServerResponse): void;
  /** Ends every stream (server shutdown). */
  closeAll(): void;
  readonly size: number;
}

export function createEventHub(heartbeatMs = 15_000): EventHub {
  const clients = new Set<ServerResponse>();
  const heartbeat = setInterval(() => {
    for (const res of clients) res.write(': keep-alive\n\n');
  }, heartbeatMs);
  heartbeat.unref();
  return {
    emit(name, payload) {
      const frame = `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`;
      for (const res of clients) res.write(frame);
    },
    attach(res) {
      res.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
        'X-Content-Type-Options': 'nosniff',
      });
      res.write(': connected\n\n');
      clients.add(res);
      res.on('close', () => clients.delete(res));
    },
    closeAll() {
      clearInterval(heartbeat);
      for (const res of clients) res.end();
      clients.clear();
    },
    get size() {
      return clients.size;
    },
  };
}
