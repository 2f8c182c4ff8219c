// What a fetched data file's response means (src/engine/browser-files.ts): a single-page host
// answers a missing file with its own HTML page and 200 OK, which must read as "file not found".
import { describe, expect, it } from 'vitest';
import { fetchProblem } from '../../src/engine/browser-files.ts';

const answer = (status: number, contentType: string) => new Response(status === 204 ? null : 'x', { status, headers: { 'content-type': contentType } });

describe('a fetched data file', () => {
  it('is missing when the site answers with its own HTML page, or 404', () => {
    expect(fetchProblem(answer(200, 'text/html; charset=utf-8'), 'data/mall.csv')?.message).toBe('file not found: data/mall.csv');
    expect(fetchProblem(answer(200, 'application/xhtml+xml'), 'mall.csv')?.message).toBe('file not found: mall.csv');
    expect(fetchProblem(answer(404, 'text/plain'), 'mall.csv')?.message).toBe('file not found: mall.csv');
  });

  it('is read whatever else the server calls it, and a server error is named', () => {
    for (const type of ['text/csv', 'text/plain', 'application/octet-stream', 'application/json', '']) expect(fetchProblem(answer(200, type), 'a.csv'), type).toBeUndefined();
    expect(fetchProblem(new Response('x', { status: 500, statusText: 'Internal Server Error' }), 'a.csv')?.message).toBe('a.csv: the server answered 500 Internal Server Error');
  });
});
