// Errors a Kubernetes CEL library function raises: cel-go turns them into the evaluation error whose text
// Gatekeeper reports ("expression '…' resulted in error: <text>").
export class CelLibraryError extends Error {}

export function libError(message: string): CelLibraryError {
  return new CelLibraryError(message);
}
