/**
 * The canonical form an entry's hash is computed over: JSON with object keys sorted at every level,
 * no whitespace, undefined members left out, and a refusal of what JSON cannot hold (lib/json.ts's
 * default). Two programs that agree on this agree on every hash, whatever order or spacing a file
 * happens to use.
 */
export { canonicalJson } from '../lib/json.js';
export { sha256Hex } from '../lib/hash.js';
