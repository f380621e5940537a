// fauxqs exports only its app; the S3 store and its error type come from the files next to it, in the exact version
// that package-lock.json pins. The S3 integration tests (S3StandInMultipartTests, S3StandInChecksumTests) guard an
// upgrade that moves them.
const fauxqs = import.meta.resolve('fauxqs');

export const { S3Store } = await import(new URL('./s3/s3Store.js', fauxqs));
export const { S3Error } = await import(new URL('./common/errors.js', fauxqs));
