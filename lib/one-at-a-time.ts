/**
 * One call at a time: while a call of `run` is under way, later calls join it and get its answer (their own arguments
 * unused) instead of starting a second one. For reads that any caller may start and that cost a request: the popup
 * asking for activity descriptions while a sign-in's freshen fetches them asks Clio once.
 */
export function oneAtATime<A extends unknown[], T>(run: (...args: A) => Promise<T>): (...args: A) => Promise<T> {
  let running: Promise<T> | null = null;
  return (...args) => {
    if (!running)
      running = run(...args).finally(() => {
        running = null;
      });
    return running;
  };
}
