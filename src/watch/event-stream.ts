/**
 * A server-sent events channel (`text/event-stream`): the server tells every open page that a
 * rebuild started or finished. Hand-written on Node's `http` module because the protocol is a
 * few lines of text and one-way, which is all live reload needs; a WebSocket library would add
 * a dependency for a two-way channel nobody uses.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface EventStream {
  /** Takes over a request: keeps the response open and sends it every event from now on. */
  attach(request: IncomingMessage, response: ServerResponse): void;
  /** Sends an event to every open page. */
  send(event: string, data?: string): void;
  /** Pages listening now. */
  readonly clients: number;
  /** Ends every response. */
  close(): void;
}

/**
 * Creates an event stream.
 * @param heartbeatMs interval of the comments that keep idle connections open through proxies
 */
export function createEventStream(heartbeatMs = 20_000): EventStream {
  const clients = new Set<ServerResponse>();
  const heartbeat = setInterval(() => {
    for (const c of clients) c.write(': ping\n\n');
  }, heartbeatMs);
  heartbeat.unref();
  return {
    attach(request, response) {
      response.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      // Tell the browser to reconnect quickly after a restart of `folio watch`.
      response.write('retry: 1000\n\n');
      clients.add(response);
      request.on('close', () => clients.delete(response));
    },
    send(event, data = '') {
      const lines = data.split('\n').map((l) => `data: ${l}`).join('\n');
      for (const c of clients) c.write(`event: ${event}\n${lines}\n\n`);
    },
    get clients() {
      return clients.size;
    },
    close() {
      clearInterval(heartbeat);
      for (const c of clients) c.end();
      clients.clear();
    },
  };
}
