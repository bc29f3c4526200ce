/** A JSON call as a ZGW client makes it; throws on an unexpected status, with the body. */
export async function call(method: string, url: string, token: string, body?: unknown, expect = [200, 201]): Promise<any> {
  const res = await fetch(url, {
    method,
    headers: {
      Authorization: `Bearer ${token}`, Accept: 'application/json', 'Accept-Crs': 'EPSG:4326', 'Content-Crs': 'EPSG:4326',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!expect.includes(res.status)) throw new Error(`${method} ${url}: ${res.status} ${text.slice(0, 2000)}`);
  return text ? JSON.parse(text) : undefined;
}
