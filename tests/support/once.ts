/**
 * A fixture made on first use and shared after: tests that need the same costly state (a master
 * rolled into) ask for it instead of relying on an earlier test to have made it, so that any of
 * them passes alone and in any order (`jest --randomize`, `-t`).
 */
export function once<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => (made ??= make());
}
