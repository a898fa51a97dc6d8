// A parse worker of the ingest pool: a file's bytes in, its pages out (or why
// it is no page). Runs `pageInputsOfFile`, the one place files become pages,
// and `parsedOf`, the one place a DecodeError becomes the reason a file is no page.
import { parentPort } from 'node:worker_threads';
import { constants, setPriority } from 'node:os';
import { pageInputsOfFile, parsedOf, parsedPage } from './ingest.js';
import { packPage, type ParseJob, type ParseReply } from './parse-pool.js';

// Parsing yields to the thread that stores the pages and to the index thread: on a
// machine with fewer cores than threads, those fell behind and their backlog was
// left to the end of the ingest, where nothing else ran (nice 10 gave 10 % more
// pages a second on two cores, nice 19 another 6 %). Linux gives each thread its
// own nice value; elsewhere this would lower the whole process, so it is left alone.
if (process.platform === 'linux') {
  try {
    setPriority(constants.priority.PRIORITY_LOW);
  } catch {
    // (a sandbox that forbids it: parse at the usual priority)
  }
}

parentPort!.on('message', async (job: ParseJob) => {
  let reply: ParseReply;
  try {
    const pages = async () => ({ pages: (await pageInputsOfFile(job.path, job.bytes, job.hints, job.options)).map((p) => packPage(parsedPage(p))) });
    reply = { id: job.id, ...(await parsedOf(pages)) };
  } catch (e) {
    // a fault, not a file that is no page: the main thread throws it where the file's turn comes
    reply = { id: job.id, error: (e as Error).stack ?? String(e) };
  }
  parentPort!.postMessage(reply);
});
