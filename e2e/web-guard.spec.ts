import { request } from 'node:http';
import { expect, test } from './support/fixtures';

function get(port: number, path: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('the web host serves its public page to anyone local, but its API only with the token header', async ({
  host,
  page,
}) => {
  expect((await get(host.port, '/', `127.0.0.1:${host.port}`)).status).toBe(200);
  expect(await get(host.port, '/api/events', `127.0.0.1:${host.port}`)).toEqual({
    status: 401,
    body: 'Refused: missing or wrong token; open the URL "djforge serve" printed (with its #token=…).\n',
  });
  expect(await get(host.port, '/', `rebound.example:${host.port}`)).toEqual({
    status: 403,
    body: `Refused: the Host header "rebound.example:${host.port}" is not this server (expected 127.0.0.1:${host.port}).\n`,
  });
  const response = await page.goto(`http://127.0.0.1:${host.port}/`);
  expect(response?.status()).toBe(200);
  const api = await page.request.post(`http://127.0.0.1:${host.port}/api/appInfo`, { data: {} });
  expect(api.status()).toBe(401);
  const withQuery = await page.request.post(`http://127.0.0.1:${host.port}/api/appInfo?token=${host.token}`, {
    data: {},
  });
  expect(withQuery.status()).toBe(401);
});
