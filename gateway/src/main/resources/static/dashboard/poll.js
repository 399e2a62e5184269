/**
 * Runs `task` now and again `intervalMs` after each run ends, until stopped or until the task returns false.
 * Each run's outcome goes to `report`: null after a success, the error after a failure (the polling goes on).
 * Returns the function that stops it; a run still under way when it is stopped reports nothing.
 */
export function poll(task, intervalMs, report) {
  let timer = null;
  let stopped = false;
  async function run() {
    let again = true;
    let failure = null;
    try {
      again = (await task()) !== false;
    } catch (error) {
      failure = error;
    }
    if (stopped) {
      return;
    }
    report(failure);
    if (again) {
      timer = setTimeout(run, intervalMs);
    }
  }
  run();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
