// One read-set upload with the official @aws-sdk/client-omics (npm), the way the reference
// transfer manager (amazon-omics-tools) does it: CreateMultipartReadSetUpload, 100 MiB parts
// read from the file, 10 UploadReadSetPart in flight, CompleteMultipartReadSetUpload with every
// checksum. Prints {"seconds": …, "readSetId": …} of the upload alone (node's start-up and the
// module load are not counted).
// Usage: node omics_upload.mjs <dir holding node_modules/@aws-sdk/client-omics> <config.json>
// config.json: {endpoint, region, accessKeyId, secretAccessKey, store, file, name, partSize, parallel}
import { openSync, readSync, fstatSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const [moduleDir, configFile] = process.argv.slice(2).map((p) => path.resolve(p));
const omics = createRequire(path.join(moduleDir, 'package.json'))('@aws-sdk/client-omics');
const c = JSON.parse(readFileSync(configFile, 'utf8'));
const client = new omics.OmicsClient({
  endpoint: c.endpoint, region: c.region, disableHostPrefix: true,
  credentials: { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey },
});

const started = process.hrtime.bigint();
const fd = openSync(c.file, 'r');
const size = fstatSync(fd).size;
const count = Math.max(1, Math.ceil(size / c.partSize));
const created = await client.send(new omics.CreateMultipartReadSetUploadCommand({
  sequenceStoreId: c.store, sourceFileType: 'FASTQ', subjectId: 'bench', sampleId: 'bench', name: c.name,
}));
const checksums = new Array(count);
let next = 0;
async function worker() {
  for (;;) {
    const index = next++;
    if (index >= count) return;
    const length = Math.min(c.partSize, size - index * c.partSize);
    const body = Buffer.allocUnsafe(length); // as s3transfer's ReadFileChunk: the part in memory
    for (let off = 0; off < length;)
      off += readSync(fd, body, off, length - off, index * c.partSize + off);
    const out = await client.send(new omics.UploadReadSetPartCommand({
      sequenceStoreId: c.store, uploadId: created.uploadId, partSource: 'SOURCE1', partNumber: index + 1, payload: body,
    }));
    checksums[index] = out.checksum;
  }
}
await Promise.all(Array.from({ length: c.parallel }, worker));
const completed = await client.send(new omics.CompleteMultipartReadSetUploadCommand({
  sequenceStoreId: c.store, uploadId: created.uploadId,
  parts: checksums.map((checksum, i) => ({ partNumber: i + 1, partSource: 'SOURCE1', checksum })),
}));
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
console.log(JSON.stringify({ seconds, readSetId: completed.readSetId }));
