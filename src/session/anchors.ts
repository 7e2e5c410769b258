/**
 * Register anchors kept in S3 (Object Lock, compliance mode): the wiring between `records anchor` /
 * `records verify --anchors` and the SDK side (src/aws/anchors.ts). A location that is not
 * s3://bucket/prefix is refused with an AnchorError sentence; AWS's own errors come back as AnchorError
 * from src/aws/anchors.ts.
 */
import type { Anchor } from '../records/anchor.js';
import { AnchorError } from '../records/anchor.js';

export interface S3AnchorAccess {
  readonly profile?: string;
  readonly endpointUrl?: string;
  readonly region: string;
}

async function withS3<T>(url: string, access: S3AnchorAccess, work: (sdk: typeof import('../aws/anchors.js'), clients: import('../aws/clients.js').ClientFactory, loc: import('../aws/anchors.js').S3Location) => Promise<T>): Promise<T> {
  const [{ ClientFactory }, sdk] = await Promise.all([import('../aws/clients.js'), import('../aws/anchors.js')]);
  const loc = sdk.parseS3Url(url);
  if (!loc) throw new AnchorError(`"${url}" is not an S3 location like s3://bucket/prefix.`);
  const clients = new ClientFactory({ profile: access.profile, endpointUrl: access.endpointUrl });
  try {
    return await work(sdk, clients, loc);
  } finally {
    clients.destroy();
  }
}

/** Writes `anchor` under `url`, locked until `retainUntil`; says where, and whether that head was anchored there already. */
export function putS3Anchor(url: string, access: S3AnchorAccess, anchor: Anchor, retainUntil: Date): Promise<{ bucket: string; key: string; existed: boolean }> {
  return withS3(url, access, async (sdk, clients, loc) => ({ bucket: loc.bucket, ...(await sdk.putAnchorS3(clients, access.region, loc, anchor, retainUntil)) }));
}

/** Every anchor kept under `url`. */
export function listS3Anchors(url: string, access: S3AnchorAccess): Promise<{ anchor: Anchor; from: string }[]> {
  return withS3(url, access, (sdk, clients, loc) => sdk.listAnchorsS3(clients, access.region, loc));
}
