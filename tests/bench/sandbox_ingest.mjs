// Benchmark (label `bench`): how fast `curl -T` (one PutObject, V1-signed with STS
// credentials) pushes a large file into bge-sandbox over loopback, and the sandbox's peak
// memory meanwhile (VmHWM). The sandbox must never be the bottleneck of an upload benchmark.
// Usage: node sandbox_ingest.mjs <bge-sandbox> [size MiB, default 1024]
import { spawn, spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, openSync, closeSync, ftruncateSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import readline from 'node:readline';

const [sandboxPath, sizeArg] = process.argv.slice(2);
const sizeMiB = Number(sizeArg || 1024);
const scratch = mkdtempSync(path.join(tmpdir(), 'bge-ingest-'));

function startSandbox() {
  const child = spawn(sandboxPath, ['--port', '0', '--oss-port', '0', '--data-dir', path.join(scratch, 'data')],
                      { stdio: ['ignore', 'pipe', 'ignore'] });
  return new Promise((resolve, reject) => {
    readline.createInterface({ input: child.stdout }).once('line', (l) => resolve({ child, d: JSON.parse(l) }));
    child.once('exit', (c) => reject(new Error(`sandbox exited with ${c}`)));
  });
}

async function api(d, p, form, token) {
  const res = await fetch(d.api_endpoint + p, { method: 'POST', body: new URLSearchParams(form),
    headers: token ? { Authorization: `Bearer ${token}` } : {} });
  const e = await res.json();
  if (e.code !== 0) throw new Error(`${p}: ${JSON.stringify(e)}`);
  return e.data;
}

function cpuSeconds(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return { user: Number(fields[11]) / 100, system: Number(fields[12]) / 100 }; // clock ticks (USER_HZ = 100)
}

function peakRssKiB(pid) {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : NaN;
}

// A file of non-repeating bytes (a sparse file of zeros would flatter any compression).
const file = path.join(scratch, 'reads.fastq');
const fd = openSync(file, 'w');
const block = Buffer.alloc(1 << 20);
for (let i = 0; i < sizeMiB; i++) {
  for (let j = 0; j < block.length; j += 4) block.writeUInt32LE((i * 262144 + j / 4) * 2654435761 >>> 0, j);
  writeSync(fd, block);
}
closeSync(fd);

const { child, d } = await startSandbox();
try {
  const app = d.clients.find((c) => c.grant_type === 'client_credentials');
  const token = (await api(d, '/oauth2/access_token',
    { client_id: app.client_id, client_secret: app.client_secret, grant_type: 'client_credentials' })).access_token;
  const sts = await api(d, '/sts/token', {}, token);
  // curl arguments for one V1-signed PutObject of `source` (a file, or '-' for stdin).
  const curlArgs = (name, source) => {
    const key = `${sts.destination}/${name}`;
    const date = new Date().toUTCString();
    const type = 'application/octet-stream';
    const toSign = `PUT\n\n${type}\n${date}\nx-oss-security-token:${sts.credentials.security_token}\n/${sts.bucket}/${key}`;
    const signature = createHmac('sha1', sts.credentials.access_key_secret).update(toSign).digest('base64');
    return ['-sS', '-o', '/dev/null', '-w', '%{http_code}', '-T', source,
      '-H', `Date: ${date}`, '-H', `Content-Type: ${type}`,
      '-H', `x-oss-security-token: ${sts.credentials.security_token}`,
      '-H', `Authorization: OSS ${sts.credentials.access_key_id}:${signature}`,
      `${sts.endpoint}/${sts.bucket}/${key}`];
  };
  const before = peakRssKiB(child.pid);
  const cpuBefore = cpuSeconds(child.pid);
  const started = process.hrtime.bigint();
  const curl = spawnSync('curl', curlArgs('reads.fastq', file), { encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (curl.stdout !== '200') throw new Error(`curl -T answered ${curl.stdout} ${curl.stderr}`);
  const mb = (sizeMiB * 1048576) / 1e6;
  console.log(`sandbox ingest: curl -T of ${sizeMiB} MiB in ${seconds.toFixed(2)} s = ${(mb / seconds).toFixed(0)} MB/s`);
  const cpuAfter = cpuSeconds(child.pid);
  console.log(`sandbox CPU during the upload: ${(cpuAfter.user - cpuBefore.user).toFixed(2)} s user, ${(cpuAfter.system - cpuBefore.system).toFixed(2)} s system`);
  console.log(`sandbox peak RSS: ${(before / 1024).toFixed(1)} MiB at start, ${(peakRssKiB(child.pid) / 1024).toFixed(1)} MiB after the upload`);

  // Four streams at once, as a multipart client uploads parts in parallel: each a quarter of the file.
  const quarter = Math.floor(sizeMiB / 4);
  const parallelStart = process.hrtime.bigint();
  const codes = await Promise.all([0, 1, 2, 3].map((i) => new Promise((resolve) => {
    const dd = spawn('dd', [`if=${file}`, 'bs=1M', `skip=${i * quarter}`, `count=${quarter}`, 'status=none']);
    const c = spawn('curl', curlArgs(`part-${i}.fastq`, '-'), { stdio: [dd.stdout, 'pipe', 'inherit'] });
    let out = '';
    c.stdout.on('data', (b) => { out += b; });
    c.on('close', () => resolve(out));
  })));
  const parallelSeconds = Number(process.hrtime.bigint() - parallelStart) / 1e9;
  if (codes.some((c) => c !== '200')) throw new Error(`parallel uploads answered ${codes}`);
  console.log(`sandbox ingest: 4 parallel curl -T of ${quarter} MiB each in ${parallelSeconds.toFixed(2)} s = ${(4 * quarter * 1.048576 / parallelSeconds).toFixed(0)} MB/s aggregate`);
} finally {
  child.kill('SIGTERM');
  rmSync(scratch, { recursive: true, force: true });
}
