// A parse worker of the ingest pool: a file's bytes in, its pages out (or why
// it is no page). Runs `pageInputsOfFile`, the one place files become pages.
import { parentPort } from 'node:worker_threads';
import { pageInputsOfFile } from './ingest.js';
import { DecodeError } from '../parse/decode.js';
import type { ParseJob, ParseReply } from './parse-pool.js';

parentPort!.on('message', async (job: ParseJob) => {
  let reply: ParseReply;
  try {
    reply = { id: job.id, pages: await pageInputsOfFile(job.path, job.bytes, job.hints, job.options) };
  } catch (e) {
    reply = e instanceof DecodeError ? { id: job.id, problem: e.problem } : { id: job.id, error: (e as Error).stack ?? String(e) };
  }
  parentPort!.postMessage(reply);
});
