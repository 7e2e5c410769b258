import { createHash } from 'node:crypto';

/** The SHA-256 of a text or bytes, as 64 lowercase hex digits. */
export const sha256Hex = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');
