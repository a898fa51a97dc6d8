// A parse worker of the ingest pool: a file's bytes in, its pages out (or why
// it is no page). Runs `pageInputsOfFile`, the one place files become pages,
// and `parsedOf`, the one place a DecodeError becomes the reason a file is no page.
import { parentPort } from 'node:worker_threads';
import { pageInputsOfFile, parsedOf } from './ingest.js';
import type { ParseJob, ParseReply } from './parse-pool.js';

parentPort!.on('message', async (job: ParseJob) => {
  let reply: ParseReply;
  try {
    reply = { id: job.id, ...(await parsedOf(async () => ({ pages: await pageInputsOfFile(job.path, job.bytes, job.hints, job.options) }))) };
  } catch (e) {
    // a fault, not a file that is no page: the main thread throws it where the file's turn comes
    reply = { id: job.id, error: (e as Error).stack ?? String(e) };
  }
  parentPort!.postMessage(reply);
});
