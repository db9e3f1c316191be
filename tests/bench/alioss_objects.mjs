// Many objects with the official ali-oss client (npm), as the benchmarks run it: `put` (a file
// to a key) or `get` (a key to a file), `parallel` of them in flight, the way a plain script
// would. Prints {"seconds": …} of the transfers alone (node's start-up and the module load are
// not counted).
// Usage: node alioss_objects.mjs <dir holding node_modules/ali-oss> <config.json>
// config.json: {endpoint, bucket, region, accessKeyId, accessKeySecret, stsToken,
//               op: "put" | "get", parallel, objects: [{key, file}, …]}. Its secrets are the
//               bench's short-lived STS credentials.
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

async function transfer({ key, file }) {
  const result = c.op === 'put' ? await client.put(key, file) : await client.get(key, file);
  if (result.res.status !== 200)
    throw new Error(`${c.op} ${key} answered ${result.res.status}`);
}

const started = process.hrtime.bigint();
let next = 0;
async function worker() {
  while (next < c.objects.length)
    await transfer(c.objects[next++]);
}
await Promise.all(Array.from({ length: Math.min(c.parallel, c.objects.length) }, worker));
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
console.log(JSON.stringify({ seconds }));
