/** A records-folder failure a person can act on: printed as one sentence, exit code 2. */
export class RecordsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RecordsError';
  }
}
