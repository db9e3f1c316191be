// One multipartUpload with the official ali-oss client (npm), as bench_transfer runs it: the
// same part size and parallelism as `bge upload`. Prints {"seconds": …} of the upload alone
// (node's start-up and the module load are not counted).
// Usage: node alioss_upload.mjs <dir holding node_modules/ali-oss> <config.json>
// config.json: {endpoint, bucket, region, accessKeyId, accessKeySecret, stsToken, key, file,
//               partSize, parallel}. Its secrets are the bench's short-lived STS credentials.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const [moduleDir, configFile] = process.argv.slice(2).map((p) => path.resolve(p));
const OSS = createRequire(path.join(moduleDir, 'package.json'))('ali-oss');
const c = JSON.parse(readFileSync(configFile, 'utf8'));

const client = new OSS({
  endpoint: c.endpoint, bucket: c.bucket, region: c.region,
  accessKeyId: c.accessKeyId, accessKeySecret: c.accessKeySecret, stsToken: c.stsToken,
  timeout: 600000,
});
const started = process.hrtime.bigint();
const result = await client.multipartUpload(c.key, c.file, { partSize: c.partSize, parallel: c.parallel });
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
if (result.res.status !== 200) {
  console.error(`multipartUpload answered ${result.res.status}`);
  process.exit(1);
}
console.log(JSON.stringify({ seconds }));
