// S3 checks an upload against the CRC-32 its client sent, in a header or in an aws-chunked trailer, and refuses a body
// that doesn't match it (400 BadDigest). fauxqs checks neither, so a client that sent a wrong checksum would pass here
// and fail in AWS. This hook checks CRC-32: what the AWS SDKs send by default, and what MlApp's own uploads send. Other
// algorithms (CRC-32C, SHA-1, SHA-256, CRC-64) pass unchecked, as in fauxqs.
import { crc32 } from 'node:zlib';
import { S3Error } from './fauxqs-internals.mjs';

if (typeof crc32 !== 'function') {
  throw new Error(`The S3 stand-in needs Node.js 20.15 or newer (for zlib.crc32); this is ${process.version}.`);
}

const checksumName = 'x-amz-checksum-crc32';

// The aws-chunked body (`<hex size>[;chunk-signature=…]\r\n<bytes>\r\n` …, then a 0-size chunk and any trailers), as
// fauxqs reads it, and the trailers it would drop.
function decodeAwsChunked(raw) {
  const chunks = [];
  let offset = 0;
  while (offset < raw.length) {
    const lineEnd = raw.indexOf('\r\n', offset);
    if (lineEnd === -1) {
      break;
    }
    const size = Number.parseInt(raw.toString('latin1', offset, lineEnd).split(';')[0], 16);
    offset = lineEnd + 2;
    if (size === 0) {
      break;
    }
    chunks.push(raw.subarray(offset, offset + size));
    offset += size + 2;
  }
  const trailers = new Map();
  for (const line of raw.toString('latin1', offset).split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) {
      trailers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
    }
  }
  return { body: Buffer.concat(chunks), trailers };
}

// Decodes the body once, here: what is left of Content-Encoding is the object's own, and fauxqs, which decodes only
// what says aws-chunked, stores the bytes as they are.
function takeDecodedBody(request) {
  const encodings = (request.headers['content-encoding'] ?? '').split(',').map((encoding) => encoding.trim());
  if (!encodings.includes('aws-chunked')) {
    return new Map();
  }
  const { body, trailers } = decodeAwsChunked(request.body);
  request.body = body;
  const rest = encodings.filter((encoding) => encoding !== 'aws-chunked' && encoding !== '');
  if (rest.length > 0) {
    request.headers['content-encoding'] = rest.join(', ');
  } else {
    delete request.headers['content-encoding'];
  }
  return trailers;
}

export function checkUploadChecksums(app) {
  app.addHook('preHandler', (request, reply, done) => {
    if (request.method !== 'PUT' || !Buffer.isBuffer(request.body)) {
      done();
      return;
    }
    const trailers = takeDecodedBody(request);
    const expected = request.headers[checksumName] ?? trailers.get(checksumName);
    if (expected === undefined) {
      done();
      return;
    }
    const actual = Buffer.alloc(4);
    actual.writeUInt32BE(crc32(request.body));
    if (actual.toString('base64') !== expected) {
      const error = new S3Error('BadDigest', 'The CRC32 you specified did not match the calculated checksum.', 400);
      reply.header('content-type', 'application/xml').status(error.statusCode).send(error.toXml());
      return;
    }
    done();
  });
}
