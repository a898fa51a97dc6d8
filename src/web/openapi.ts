// The OpenAPI 3.1 document of the JSON API, its parameters made from the same
// zod schemas that check requests.
import { z } from 'zod';
import { articleParam, errorBody, issueParam, pageParam, paperParam, putPageBody, searchParams } from './api-schemas.js';

function schemaOf(s: z.ZodType): Record<string, unknown> {
  const out = z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  delete out.$schema;
  return out;
}

function queryParameters(o: z.ZodObject) {
  return Object.entries(o.shape).map(([name, s]) => ({
    name,
    in: 'query',
    required: name === 'q',
    schema: schemaOf(s as z.ZodType),
  }));
}

function pathParameter(o: z.ZodObject, name: string, description: string) {
  return { name, in: 'path', required: true, description, schema: schemaOf(o.shape[name] as z.ZodType) };
}

const errors = (...codes: number[]) =>
  Object.fromEntries(codes.map((c) => [String(c), { description: 'an error with a code and a message', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } }]));

/** A GET of one thing by its id in the path. */
function getOne(summary: string, param: z.ZodObject, name: string, description: string, answer: string) {
  return { get: { summary, parameters: [pathParameter(param, name, description)], responses: { ...ok(answer), ...errors(400, 404, 500) } } };
}

const ok = (description: string) => ({ '200': { description, content: { 'application/json': { schema: { type: 'object' } } } } });

export function openApiDocument(version: string): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'banmian archive API',
      version,
      description: 'Papers, issues, pages (版) and articles rebuilt from newspaper page text, and Chinese full-text search. Read-only unless the server was started with a write token.',
    },
    paths: {
      '/api/papers': { get: { summary: 'The papers, with date ranges and counts', responses: { ...ok('{ papers: [...] }'), ...errors(500) } } },
      '/api/papers/{paper}/issues': getOne(
        "A paper's issues by date, with the dates missing from its run",
        paperParam,
        'paper',
        'the paper name',
        '{ paper, issues: [{ id, date, pages }], missingDates }',
      ),
      '/api/issues/{id}': getOne(
        "An issue's pages with their articles in reading order, its masthead, and the issues before and after",
        issueParam,
        'id',
        'paper/YYYY-MM-DD, URL-encoded',
        'an issue',
      ),
      '/api/pages/{id}': getOne(
        'A page (版): its articles in reading order, masthead, other text, the parser’s messages',
        pageParam,
        'id',
        'the page key (paper/date/版, or unidentified/…), URL-encoded',
        'a page',
      ),
      '/api/pages': {
        post: {
          summary: 'Parse and store one page of text (needs the write token)',
          security: [{ writeToken: [] }],
          requestBody: { required: true, content: { 'application/json': { schema: schemaOf(putPageBody) } } },
          responses: { ...ok('{ status: added|replaced|unchanged, pageKey, articles }'), ...errors(400, 401, 403, 413, 415, 500) },
        },
      },
      '/api/articles/{id}': getOne(
        'An article: headlines, byline with roles, dateline, paragraphs, captions, parts, sources, the parser’s doubts, its citation',
        articleParam,
        'id',
        'the article id (page key#n), URL-encoded',
        'an article',
      ),
      '/api/search': {
        get: {
          summary: 'Full-text search: exact recall, bm25 ranking with headline hits first, marked snippets, facets',
          parameters: queryParameters(searchParams),
          responses: { ...ok('{ total, hits: [{ article (all but its sources: see /api/articles/{id}), score, snippet }], facets }'), ...errors(400, 500) },
        },
      },
    },
    components: {
      schemas: { Error: schemaOf(errorBody) },
      securitySchemes: { writeToken: { type: 'http', scheme: 'bearer' } },
    },
  };
}
