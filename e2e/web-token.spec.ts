/**
 * The web host's token never leaves the page it was given to: a real Chromium opens the Studio,
 * uses it, then visits a second local server on another 127.0.0.1 port, which records every
 * request it receives. Cookies ignore ports, so a token kept in a cookie would reach it; a token
 * in the URL fragment, kept in memory and sent only in a header to the host, cannot.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { example, expect, test } from './support/fixtures';

interface Recorded {
  url: string;
  headers: IncomingMessage['headers'];
}

let neighbour: Server;
let neighbourPort: number;
const received: Recorded[] = [];

test.beforeEach(async () => {
  received.length = 0;
  neighbour = createServer((req, res) => {
    received.push({ url: req.url ?? '', headers: req.headers });
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>neighbour</title><img src="/pixel.png"><script src="/probe.js"></script>');
  });
  await new Promise<void>((resolve) => neighbour.listen(0, '127.0.0.1', resolve));
  neighbourPort = (neighbour.address() as AddressInfo).port;
});
test.afterEach(async () => {
  neighbour.closeAllConnections();
  await new Promise<void>((resolve) => neighbour.close(() => resolve()));
});

test('another server on 127.0.0.1 never receives the token, and the API refuses requests without it', async ({
  host,
  studio,
  page,
  context,
}) => {
  // The page took the token from the fragment and removed it from the address bar.
  expect(page.url()).toBe(`http://127.0.0.1:${host.port}/`);
  await studio.importFile(example('seed-v2-jobboard.json'));
  await expect(page.getByLabel('Open document')).toHaveText('seed-v2-jobboard.json');
  await studio.generate('template');
  await expect(studio.runStatus).toHaveText('completed');
  expect(await context.cookies()).toEqual([]);

  await page.goto(`http://127.0.0.1:${neighbourPort}/`);
  await expect(page).toHaveTitle('neighbour');
  await expect.poll(() => received.map((r) => r.url)).toEqual(expect.arrayContaining(['/', '/pixel.png', '/probe.js']));
  const everything = JSON.stringify(received);
  expect(everything).not.toContain(host.token);
  expect(received.every((r) => r.headers.cookie === undefined)).toBe(true);

  // From a page of the host itself, a request without the header is refused, as from anywhere else.
  await page.goto(`http://127.0.0.1:${host.port}/`);
  const status = await page.evaluate(async () => {
    const reply = await fetch('/api/appInfo', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    return reply.status;
  });
  expect(status).toBe(401);
  // Reopened without the fragment, the page has no token and says how to get one.
  await expect(page.getByRole('alert').first()).toContainText('Refused: missing or wrong token');
});
