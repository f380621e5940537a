// S3 REST protocol on 127.0.0.1, in memory. fauxqs's own start-up binds 0.0.0.0, so we build its app and listen ourselves.
import { buildApp } from 'fauxqs';
import { host, portFromArgs, announce, stopOnSignals } from './listen.mjs';
import { S3StoreWithPartDigests } from './s3-store.mjs';
import { checkUploadChecksums } from './s3-checksums.mjs';

const app = buildApp({ logger: false, stores: { s3Store: new S3StoreWithPartDigests() } });
checkUploadChecksums(app);
await app.listen({ port: portFromArgs(), host });
announce('S3', app.server.address().port);
stopOnSignals(() => app.close());
