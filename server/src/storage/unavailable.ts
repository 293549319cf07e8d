/**
 * The shared database is unreachable (down, restarting, refusing connections) rather than
 * refusing this particular write: the request may be retried once it is back, and the client
 * hears UNAVAILABLE.
 */
export class StorageUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`storage unavailable: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'StorageUnavailableError';
  }
}
