/**
 * Canonical JSON: object keys sorted at every depth (by UTF-16 code units), no whitespace, object
 * members that are undefined left out. Equal data always gives the same text, so it can be hashed.
 *
 * Two callers, two rules for what JSON cannot hold (undefined outside an object, NaN, ±Infinity,
 * functions, symbols):
 * - `throw` (the default): the register's form (records/canonical.ts). Every entry's hash is computed
 *   over it, so its output must never change; a value JSON cannot hold is refused before it is written.
 *   An undefined array element is written as null, as JSON.stringify does.
 * - `null`: the plan's form (the drift basis of the state slices a plan read). Writes null where
 *   JSON.stringify would write null or nothing, so any collected state hashes.
 */
export interface CanonicalOptions {
  /** What to do with a value JSON cannot hold: refuse it (`throw`) or write `null`. */
  readonly unrepresentable?: 'throw' | 'null';
}

export function canonicalJson(value: unknown, options: CanonicalOptions = {}): string {
  const lenient = options.unrepresentable === 'null';
  const write = (v: unknown): string => {
    if (v === null) return 'null';
    if (Array.isArray(v)) return `[${v.map((x) => (x === undefined ? 'null' : write(x))).join(',')}]`;
    switch (typeof v) {
      case 'string':
      case 'boolean':
        return JSON.stringify(v);
      case 'number':
        if (Number.isFinite(v)) return JSON.stringify(v);
        if (lenient) return 'null';
        throw new TypeError(`${v} cannot be stored in the records folder`);
      case 'object': {
        const obj = v as Record<string, unknown>;
        const keys = Object.keys(obj)
          .filter((k) => obj[k] !== undefined)
          .sort();
        return `{${keys.map((k) => `${JSON.stringify(k)}:${write(obj[k])}`).join(',')}}`;
      }
      default:
        if (lenient && typeof v !== 'bigint') return 'null';
        throw new TypeError(`a ${typeof v} cannot be stored in the records folder`);
    }
  };
  return write(value);
}
