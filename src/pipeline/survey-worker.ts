/**
 * Worker thread: step 1 of reading a large survey.csv (see survey-read.ts), the rows sent back
 * in batches whose buffers are moved, not copied.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { BATCHES_AHEAD, createBatcher, readSurveyRows, type SurveyReadSettings, type WorkerMessage } from './survey-read.ts';

const { path, display, settings, taken } = workerData as { path: string; display: string; settings: SurveyReadSettings; taken: Int32Array };
let sent = 0;
const post = (message: WorkerMessage, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(message, transfer);

try {
  const batcher = createBatcher(settings, (batch) => {
    post({ kind: 'batch', batch }, [batch.answers, batch.wave, batch.segment, batch.country, batch.line, batch.customerColumn, batch.countryColumn].map((a) => a.buffer as ArrayBuffer));
    sent++;
    // Far enough ahead of the loader: wait until it takes a batch.
    for (let seen = Atomics.load(taken, 0); sent - seen >= BATCHES_AHEAD; seen = Atomics.load(taken, 0)) Atomics.wait(taken, 0, seen, 1000);
  });
  const result = await readSurveyRows(path, display, settings, (row, at) => batcher.add(row, at));
  batcher.flush();
  post({ kind: 'end', result });
} catch (error) {
  post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
}
