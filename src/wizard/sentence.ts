/** Turns any error into one sentence for a person (no stack, first line only). */
export function sentence(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  const first = message.split('\n')[0]?.trim() || 'Something went wrong.';
  return /[.!?]$/.test(first) ? first : `${first}.`;
}

