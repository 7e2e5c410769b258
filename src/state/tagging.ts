/** What a check sees of tagging: the slices the tagging collector fills (src/aws/collectors/tagging.ts). */
export interface TaggedResource {
  readonly arn: string;
  readonly tags: Readonly<Record<string, string>>;
}

declare module '../engine/state.js' {
  interface RegionalSlices {
    /** Data stores with their tags (S3 buckets are global: they are listed in the home region only). */
    'tagging.dataStores': readonly TaggedResource[];
  }
}
