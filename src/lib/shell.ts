const SAFE_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** Quotes a value for a POSIX shell, only when it needs quoting: `it's` → `'it'\''s'`, `''` for empty. */
export function shellQuote(value: string): string {
  if (value !== '' && SAFE_WORD.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
