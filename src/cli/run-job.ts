// Waits for a job while drawing its progress; Ctrl+C cancels it (core rolls back what it wrote).
import type { Job } from '../shared/domain';
import type { Core } from '../core/index';
import { createProgressPrinter } from './output';

export async function followJob(core: Core, jobId: number): Promise<{ job: Job; interrupted: boolean }> {
  const progress = createProgressPrinter();
  let interrupted = false;
  const unsubscribe = core.on('job.updated', (job) => {
    if (job.id === jobId && job.progress) progress.update(job.progress);
  });
  const onSigint = () => {
    interrupted = true;
    void core.call('jobs.cancel', { id: jobId });
  };
  process.on('SIGINT', onSigint);
  try {
    const job = await core.waitForJob(jobId);
    return { job, interrupted };
  } finally {
    process.off('SIGINT', onSigint);
    unsubscribe();
    progress.done();
  }
}
