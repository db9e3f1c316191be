// Proof of fidelity: the official ali-oss client (npm), with nothing changed but its endpoint
// options, runs put, multipartUpload (several parts; then an interrupted upload resumed from
// its checkpoint), head, get and signatureUrl against bge-sandbox, signing with V1 and V4; a
// put with x-oss-forbid-overwrite over an existing object is refused as OSS refuses it.
// Every object read back must be byte-identical to what was written.
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import assert from 'node:assert/strict';

const [sandboxPath, workDir] = process.argv.slice(2).map((p) => path.resolve(p));
const require = createRequire(path.join(workDir, 'package.json'));
const OSS = require('ali-oss');

const scratch = mkdtempSync(path.join(tmpdir(), 'bge-alioss-'));
const results = { passed: 0, failed: 0 };

async function check(name, fn) {
  try {
    await fn();
    results.passed++;
    console.log(`ok - ${name}`);
  } catch (err) {
    results.failed++;
    console.log(`not ok - ${name}: ${err && (err.stack || err.message || err)}`);
  }
}

function startSandbox() {
  const child = spawn(sandboxPath, ['--port', '0', '--oss-port', '0', '--data-dir', path.join(scratch, 'data')],
                      { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout });
    const timer = setTimeout(() => reject(new Error('sandbox did not start within 30 s')), 30000);
    lines.once('line', (line) => { clearTimeout(timer); resolve({ child, description: JSON.parse(line) }); });
    child.once('exit', (code) => reject(new Error(`sandbox exited with ${code}`)));
  });
}

async function api(description, pathName, form, token) {
  const res = await fetch(description.api_endpoint + pathName, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded',
               ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: new URLSearchParams(form).toString(),
  });
  const envelope = await res.json();
  assert.equal(envelope.code, 0, `${pathName}: ${JSON.stringify(envelope)}`);
  return envelope.data;
}

const md5 = (buf) => createHash('md5').update(buf).digest('hex').toUpperCase();

const { child, description } = await startSandbox();
try {
  const app = description.clients.find((c) => c.grant_type === 'client_credentials');
  const token = (await api(description, '/oauth2/access_token', {
    client_id: app.client_id, client_secret: app.client_secret, grant_type: 'client_credentials',
  })).access_token;
  const sts = await api(description, '/sts/token', {}, token);
  const ossPort = new URL(sts.endpoint).port;
  const base = {
    accessKeyId: sts.credentials.access_key_id,
    accessKeySecret: sts.credentials.access_key_secret,
    stsToken: sts.credentials.security_token,
    bucket: sts.bucket,
    region: `oss-${sts.region_id}`,
  };

  for (const v4 of [false, true]) {
    const label = v4 ? 'V4' : 'V1';
    // An IP endpoint: ali-oss sends virtual-hosted requests (Host: <bucket>.<region>.aliyuncs.com).
    const client = new OSS({ ...base, endpoint: sts.endpoint, authorizationV4: v4 });
    // signatureUrl refuses IP endpoints, so URLs are signed for localhost as a CNAME.
    const urlClient = new OSS({ ...base, endpoint: `http://localhost:${ossPort}`, cname: true, authorizationV4: v4 });
    const small = randomBytes(64 * 1024 + 7);
    const smallName = `${sts.destination}/small-${label}.fastq`;

    await check(`${label} put`, async () => {
      const res = await client.put(smallName, small, { headers: { 'x-oss-meta-bge-open-client-id': app.client_id } });
      assert.equal(res.res.status, 200);
      assert.equal(res.res.headers.etag, `"${md5(small)}"`);
    });
    await check(`${label} head`, async () => {
      const res = await client.head(smallName);
      assert.equal(res.status, 200);
      assert.equal(Number(res.res.headers['content-length']), small.length);
      assert.equal(res.meta['bge-open-client-id'], app.client_id);
      assert.match(res.res.headers['x-oss-hash-crc64ecma'], /^\d+$/);
    });
    await check(`${label} get is byte-identical`, async () => {
      const res = await client.get(smallName);
      assert.ok(Buffer.compare(res.content, small) === 0);
    });
    await check(`${label} ranged get`, async () => {
      const res = await client.get(smallName, { headers: { Range: 'bytes=100-199' } });
      assert.equal(res.res.status, 206);
      assert.ok(Buffer.compare(res.content, small.subarray(100, 200)) === 0);
    });

    const bigPath = path.join(scratch, `reads-${label}.bam`);
    const big = randomBytes(1024 * 1024 + 12345); // 11 parts of 100 KiB
    writeFileSync(bigPath, big);
    const bigName = `${sts.destination}/reads-${label}.bam`;
    await check(`${label} multipartUpload`, async () => {
      const seen = [];
      const res = await client.multipartUpload(bigName, bigPath, {
        partSize: 100 * 1024, parallel: 3, progress: (p) => { seen.push(p); },
        headers: { 'x-oss-meta-bge-open-client-id': app.client_id },
      });
      assert.equal(res.res.status, 200);
      assert.equal(seen.at(-1), 1);
      const back = await client.get(bigName);
      assert.ok(Buffer.compare(back.content, big) === 0);
      const head = await client.head(bigName);
      assert.match(head.res.headers.etag, /-11"$/);
    });

    const resumedName = `${sts.destination}/resumed-${label}.cram`;
    await check(`${label} multipartUpload resumes from its checkpoint`, async () => {
      let checkpoint = null;
      let cancelled = false;
      await assert.rejects(client.multipartUpload(resumedName, bigPath, {
        partSize: 100 * 1024, parallel: 1,
        progress: (p, cp) => {
          if (cp) checkpoint = { ...cp, doneParts: [...cp.doneParts] };
          if (cp && cp.doneParts.length >= 4 && !cancelled) { cancelled = true; client.cancel(); }
        },
      }), (err) => err.name === 'cancel');
      assert.ok(checkpoint && checkpoint.doneParts.length >= 4, 'interrupted after some parts');
      const partsBefore = checkpoint.doneParts.length;
      let resumedParts = 0;
      const res = await client.multipartUpload(resumedName, bigPath, {
        checkpoint, partSize: 100 * 1024, parallel: 2,
        progress: (p, cp) => { if (cp) resumedParts = cp.doneParts.length; },
      });
      assert.equal(res.res.status, 200);
      assert.equal(resumedParts, 11);
      assert.ok(partsBefore < 11);
      const back = await client.get(resumedName);
      assert.ok(Buffer.compare(back.content, big) === 0);
    });

    await check(`${label} signatureUrl`, async () => {
      const url = v4 ? await urlClient.signatureUrlV4('GET', 600, {}, bigName)
                     : urlClient.signatureUrl(bigName, { expires: 600 });
      const res = await fetch(url);
      assert.equal(res.status, 200, await res.clone().text());
      assert.ok(Buffer.compare(Buffer.from(await res.arrayBuffer()), big) === 0);
    });

    await check(`${label} put with x-oss-forbid-overwrite over an existing object is refused`, async () => {
      await assert.rejects(client.put(smallName, Buffer.from('not the same'), { headers: { 'x-oss-forbid-overwrite': 'true' } }),
                           (err) => err.status === 409 && err.code === 'FileAlreadyExists'
                                    && err.message.includes('already exists and can not be overwritten'));
      const back = await client.get(smallName);
      assert.ok(Buffer.compare(back.content, small) === 0, 'the existing object is kept');
      const fresh = `${sts.destination}/forbid-${label}.txt`;
      const res = await client.put(fresh, Buffer.from('new'), { headers: { 'x-oss-forbid-overwrite': 'true' } });
      assert.equal(res.res.status, 200);
    });

    await check(`${label} refuses a sub-directory under the destination`, async () => {
      await assert.rejects(client.put(`${sts.destination}/sub/x.txt`, Buffer.from('x')),
                           (err) => err.status === 403 && err.code === 'AccessDenied');
    });
  }

  await check('tampered secret is refused with SignatureDoesNotMatch', async () => {
    const client = new OSS({ ...base, accessKeySecret: 'not-the-secret', endpoint: sts.endpoint });
    await assert.rejects(client.put(`${sts.destination}/x.txt`, Buffer.from('x')),
                         (err) => err.status === 403 && err.code === 'SignatureDoesNotMatch');
  });
} finally {
  child.kill('SIGTERM');
  rmSync(scratch, { recursive: true, force: true });
}

console.log(`${results.passed} passed, ${results.failed} failed`);
process.exit(results.failed === 0 && results.passed > 0 ? 0 : 1);
