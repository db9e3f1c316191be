// Proof of fidelity: the official AWS SDK for JavaScript v3 HealthOmics client
// (@aws-sdk/client-omics), with nothing changed but endpoint, region, credentials and
// disableHostPrefix, runs the read-set life cycle against bge-sandbox's HealthOmics emulator:
// stores; a multi-part UBAM upload without a reference read back part by part byte-identical;
// a paired FASTQ upload; an abort; ListReadSets paging and filters; import jobs to COMPLETED
// and FAILED; and the exceptions the SDK maps (unknown store, validation, BAM without a
// reference, bad signature, unknown key, throttling).
import { spawn, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import assert from 'node:assert/strict';

const [sandboxPath, workDir] = process.argv.slice(2).map((p) => path.resolve(p));
const require = createRequire(path.join(workDir, 'package.json'));
const omics = require('@aws-sdk/client-omics');
const {
  OmicsClient, ListSequenceStoresCommand, GetSequenceStoreCommand, ListReadSetsCommand,
  GetReadSetMetadataCommand, GetReadSetCommand, CreateMultipartReadSetUploadCommand,
  UploadReadSetPartCommand, CompleteMultipartReadSetUploadCommand, AbortMultipartReadSetUploadCommand,
  ListMultipartReadSetUploadsCommand, ListReadSetUploadPartsCommand, StartReadSetImportJobCommand,
  GetReadSetImportJobCommand, ListReadSetImportJobsCommand,
  ResourceNotFoundException, ValidationException, ThrottlingException, RangeNotSatisfiableException,
  OmicsServiceException,
} = omics;

const MiB = 1024 * 1024;
const scratch = mkdtempSync(path.join(tmpdir(), 'bge-omicsjs-'));
const results = { passed: 0, failed: 0 };
const children = [];

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

function startSandbox(name, extraArgs) {
  const child = spawn(sandboxPath, ['--port', '0', '--oss-port', '0', '--omics-port', '0',
                                    '--data-dir', path.join(scratch, name), ...extraArgs],
                      { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout });
    const timer = setTimeout(() => reject(new Error('sandbox did not start within 30 s')), 30000);
    lines.once('line', (line) => { clearTimeout(timer); resolve(JSON.parse(line).omics); });
    child.once('exit', (code) => reject(new Error(`sandbox exited with ${code}`)));
  });
}

// The only changes to the client's defaults: where the service is and whose keys sign.
function clientFor(o, overrides = {}) {
  return new OmicsClient({
    endpoint: o.endpoint,
    region: o.region,
    credentials: { accessKeyId: o.access_key_id, secretAccessKey: o.secret_access_key },
    disableHostPrefix: true,
    ...overrides,
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const sha256 = (buf) => createHash('sha256').update(buf).digest('hex');

// Deterministic reads (xorshift), so a failure can be reproduced.
function fastq(records, seed, readLength = 150) {
  let x = seed >>> 0 || 1;
  const next = () => { x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0; return x; };
  const lines = [];
  for (let i = 0; i < records; i++) {
    let seq = '';
    let qual = '';
    for (let j = 0; j < readLength; j++) {
      seq += 'ACGT'[next() & 3];
      qual += String.fromCharCode(35 + (next() % 40));
    }
    lines.push(`@A00123:8:H7KLMDSXY:1:1101:${1000 + i}:${seed} ${seed % 2 ? 1 : 2}:N:0:ACGT`, seq, '+', qual);
  }
  return Buffer.from(lines.join('\n') + '\n');
}

// A real unaligned BAM (no @SQ lines) from samtools, the way sequencing centres deliver uBAM.
function unalignedBam(records) {
  const fq = path.join(scratch, 'ubam-source.fastq');
  const bam = path.join(scratch, 'reads.unaligned.bam');
  writeFileSync(fq, fastq(records, 7));
  execFileSync('samtools', ['import', '-0', fq, '-o', bam]);
  const header = execFileSync('samtools', ['view', '-H', bam]).toString();
  assert.ok(!header.includes('@SQ'), 'samtools made an unaligned BAM');
  return readFileSync(bam);
}

function split(buf, partSize) {
  const parts = [];
  for (let off = 0; off < buf.length; off += partSize)
    parts.push(buf.subarray(off, Math.min(buf.length, off + partSize)));
  return parts;
}

async function waitFor(what, probe, timeoutMs = 60000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(300);
  }
}

async function readWholeFile(client, storeId, readSetId, file, meta) {
  const info = meta.files[file.toLowerCase()];
  const chunks = [];
  for (let part = 1; part <= info.totalParts; part++) {
    const out = await client.send(new GetReadSetCommand({ sequenceStoreId: storeId, id: readSetId, file, partNumber: part }));
    chunks.push(Buffer.from(await out.payload.transformToByteArray()));
  }
  return Buffer.concat(chunks);
}

async function expectError(promise, check) {
  try {
    await promise;
  } catch (err) {
    check(err);
    return err;
  }
  throw new Error('the call succeeded where the service refuses it');
}

// Quotas off for the life cycle: the client under test is the SDK, not a pacer; the quotas
// get a sandbox of their own at the end. Parts of 1 MiB on the way down too, so that
// GetReadSet has several parts to read.
const o = await startSandbox('lifecycle', ['--omics-quotas', 'off', '--omics-read-part-size', String(MiB)]);
try {
  const client = clientFor(o);
  const store = o.sequence_stores[0];

  await check('ListSequenceStores lists the stores the sandbox describes', async () => {
    const out = await client.send(new ListSequenceStoresCommand({}));
    const ids = out.sequenceStores.map((s) => s.id).sort();
    assert.deepEqual(ids, o.sequence_stores.map((s) => s.id).sort());
    for (const s of out.sequenceStores) {
      assert.match(s.arn, /^arn:aws:omics:/);
      assert.ok(s.creationTime instanceof Date && !isNaN(s.creationTime), 'creationTime parsed as a date');
    }
  });

  await check('GetSequenceStore', async () => {
    const out = await client.send(new GetSequenceStoreCommand({ id: store.id }));
    assert.equal(out.id, store.id);
    assert.equal(out.name, store.name);
    assert.ok(out.arn.endsWith(`sequenceStore/${store.id}`));
  });

  const ubam = unalignedBam(20000);
  const ubamParts = split(ubam, MiB);
  let ubamReadSetId;
  await check(`multi-part UBAM upload without a reference (${ubamParts.length} parts of ${ubam.length} bytes)`, async () => {
    assert.ok(ubamParts.length >= 3, 'at least three parts');
    const created = await client.send(new CreateMultipartReadSetUploadCommand({
      sequenceStoreId: store.id, sourceFileType: 'UBAM', subjectId: 'NA12878', sampleId: 'NA12878-ubam',
      name: 'NA12878 unaligned', description: 'fidelity test', clientToken: 'omicsjs-ubam-1', tags: { project: 'fidelity' },
    }));
    assert.match(created.uploadId, /^[0-9]{10,36}$/);
    assert.equal(created.sourceFileType, 'UBAM');
    const uploadId = created.uploadId;

    // Out of order, as the reference transfer manager's threads send them.
    const order = ubamParts.map((_, i) => i).reverse();
    const checksums = new Map();
    for (const i of order) {
      const out = await client.send(new UploadReadSetPartCommand({
        sequenceStoreId: store.id, uploadId, partSource: 'SOURCE1', partNumber: i + 1, payload: ubamParts[i],
      }));
      assert.ok(typeof out.checksum === 'string' && out.checksum.length > 0);
      checksums.set(i + 1, out.checksum);
    }

    const listed = await client.send(new ListReadSetUploadPartsCommand({ sequenceStoreId: store.id, uploadId, partSource: 'SOURCE1' }));
    assert.deepEqual(listed.parts.map((p) => p.partNumber).sort((a, b) => a - b), ubamParts.map((_, i) => i + 1));
    for (const p of listed.parts) {
      assert.equal(p.partSource, 'SOURCE1');
      assert.equal(p.partSize, ubamParts[p.partNumber - 1].length);
      assert.equal(p.checksum, checksums.get(p.partNumber));
    }

    const uploads = await client.send(new ListMultipartReadSetUploadsCommand({ sequenceStoreId: store.id }));
    const mine = uploads.uploads.find((u) => u.uploadId === uploadId);
    assert.ok(mine, 'the upload is listed while in progress');
    assert.equal(mine.sourceFileType, 'UBAM');
    assert.equal(mine.name, 'NA12878 unaligned');

    const completed = await client.send(new CompleteMultipartReadSetUploadCommand({
      sequenceStoreId: store.id, uploadId,
      parts: ubamParts.map((_, i) => ({ partNumber: i + 1, partSource: 'SOURCE1', checksum: checksums.get(i + 1) })),
    }));
    ubamReadSetId = completed.readSetId;
    assert.match(ubamReadSetId, /^[0-9]{10,36}$/);

    const after = await client.send(new ListMultipartReadSetUploadsCommand({ sequenceStoreId: store.id }));
    assert.ok(!(after.uploads ?? []).some((u) => u.uploadId === uploadId), 'gone from the uploads once complete');

    const meta = await waitFor('the read set to become ACTIVE', async () => {
      const m = await client.send(new GetReadSetMetadataCommand({ sequenceStoreId: store.id, id: ubamReadSetId }));
      assert.ok(['PROCESSING_UPLOAD', 'ACTIVE'].includes(m.status), `status ${m.status}: ${m.statusMessage}`);
      return m.status === 'ACTIVE' ? m : undefined;
    });
    assert.equal(meta.fileType, 'UBAM');
    assert.equal(meta.creationType, 'UPLOAD');
    assert.equal(meta.subjectId, 'NA12878');
    assert.equal(meta.sampleId, 'NA12878-ubam');
    assert.equal(meta.referenceArn ?? '', '');
    assert.equal(meta.files.source1.contentLength, ubam.length);
    assert.equal(meta.files.source1.partSize, MiB);
    assert.equal(meta.files.source1.totalParts, ubamParts.length);

    const back = await readWholeFile(client, store.id, ubamReadSetId, 'SOURCE1', meta);
    assert.equal(sha256(back), sha256(ubam), 'GetReadSet returns the uploaded bytes');

    await expectError(client.send(new GetReadSetCommand({ sequenceStoreId: store.id, id: ubamReadSetId, file: 'SOURCE1',
                                                          partNumber: ubamParts.length + 1 })),
                      (err) => assert.ok(err instanceof RangeNotSatisfiableException, `${err.name}: ${err.message}`));
  });

  let pairedReadSetId;
  await check('paired FASTQ upload: SOURCE1 and SOURCE2 in one upload, one read set', async () => {
    const r1 = fastq(9000, 11);
    const r2 = fastq(9000, 12);
    const created = await client.send(new CreateMultipartReadSetUploadCommand({
      sequenceStoreId: store.id, sourceFileType: 'FASTQ', subjectId: 'NA24385', sampleId: 'NA24385-pe',
      name: 'NA24385_S2_L001', generatedFrom: 'NovaSeq run 221104_A00123_0008_BH7KLMDSXY',
    }));
    const parts = [];
    for (const [source, bytes] of [['SOURCE1', r1], ['SOURCE2', r2]]) {
      const pieces = split(bytes, MiB);
      for (let i = 0; i < pieces.length; i++) {
        const out = await client.send(new UploadReadSetPartCommand({
          sequenceStoreId: store.id, uploadId: created.uploadId, partSource: source, partNumber: i + 1, payload: pieces[i],
        }));
        parts.push({ partNumber: i + 1, partSource: source, checksum: out.checksum });
      }
    }
    const listed2 = await client.send(new ListReadSetUploadPartsCommand({
      sequenceStoreId: store.id, uploadId: created.uploadId, partSource: 'SOURCE2' }));
    assert.equal(listed2.parts.length, parts.filter((p) => p.partSource === 'SOURCE2').length);
    const completed = await client.send(new CompleteMultipartReadSetUploadCommand({
      sequenceStoreId: store.id, uploadId: created.uploadId, parts }));
    pairedReadSetId = completed.readSetId;
    const meta = await waitFor('the paired read set to become ACTIVE', async () => {
      const m = await client.send(new GetReadSetMetadataCommand({ sequenceStoreId: store.id, id: pairedReadSetId }));
      assert.notEqual(m.status, 'UPLOAD_FAILED', m.statusMessage);
      return m.status === 'ACTIVE' ? m : undefined;
    });
    assert.equal(meta.fileType, 'FASTQ');
    assert.equal(meta.files.source1.contentLength, r1.length);
    assert.equal(meta.files.source2.contentLength, r2.length);
    assert.equal(sha256(await readWholeFile(client, store.id, pairedReadSetId, 'SOURCE1', meta)), sha256(r1));
    assert.equal(sha256(await readWholeFile(client, store.id, pairedReadSetId, 'SOURCE2', meta)), sha256(r2));
  });

  await check('a Complete with a checksum the service did not give is refused', async () => {
    const created = await client.send(new CreateMultipartReadSetUploadCommand({
      sequenceStoreId: store.id, sourceFileType: 'FASTQ', subjectId: 'NA12891', sampleId: 'NA12891', name: 'wrong checksum',
    }));
    await client.send(new UploadReadSetPartCommand({
      sequenceStoreId: store.id, uploadId: created.uploadId, partSource: 'SOURCE1', partNumber: 1, payload: fastq(10, 3) }));
    await expectError(client.send(new CompleteMultipartReadSetUploadCommand({
      sequenceStoreId: store.id, uploadId: created.uploadId,
      parts: [{ partNumber: 1, partSource: 'SOURCE1', checksum: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=' }],
    })), (err) => assert.ok(err instanceof ValidationException, `${err.name}: ${err.message}`));
    await client.send(new AbortMultipartReadSetUploadCommand({ sequenceStoreId: store.id, uploadId: created.uploadId }));
  });

  await check('AbortMultipartReadSetUpload removes the upload', async () => {
    const created = await client.send(new CreateMultipartReadSetUploadCommand({
      sequenceStoreId: store.id, sourceFileType: 'FASTQ', subjectId: 'NA12892', sampleId: 'NA12892', name: 'to abort',
    }));
    await client.send(new UploadReadSetPartCommand({
      sequenceStoreId: store.id, uploadId: created.uploadId, partSource: 'SOURCE1', partNumber: 1, payload: fastq(10, 5) }));
    await client.send(new AbortMultipartReadSetUploadCommand({ sequenceStoreId: store.id, uploadId: created.uploadId }));
    const after = await client.send(new ListMultipartReadSetUploadsCommand({ sequenceStoreId: store.id }));
    assert.ok(!(after.uploads ?? []).some((u) => u.uploadId === created.uploadId));
    await expectError(client.send(new UploadReadSetPartCommand({
      sequenceStoreId: store.id, uploadId: created.uploadId, partSource: 'SOURCE1', partNumber: 2, payload: fastq(10, 6) })),
                      (err) => assert.ok(err instanceof ResourceNotFoundException, `${err.name}: ${err.message}`));
  });

  await check('ListReadSets pages with nextToken to the end, every read set once', async () => {
    const all = [];
    let nextToken;
    let pages = 0;
    do {
      const out = await client.send(new ListReadSetsCommand({ sequenceStoreId: store.id, maxResults: 7, nextToken }));
      assert.ok(out.readSets.length <= 7);
      all.push(...out.readSets);
      nextToken = out.nextToken;
      pages++;
    } while (nextToken);
    assert.ok(pages > 2, `${pages} pages`);
    const ids = all.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length, 'no read set twice');
    assert.ok(ids.includes(ubamReadSetId) && ids.includes(pairedReadSetId));
    assert.ok(new Set(all.map((r) => r.fileType)).size === 4, 'the demo data has all four file types');
    // The SDK's own paginator agrees.
    let viaPaginator = 0;
    for await (const page of omics.paginateListReadSets({ client, pageSize: 25 }, { sequenceStoreId: store.id }))
      viaPaginator += page.readSets.length;
    assert.equal(viaPaginator, all.length);
  });

  await check('ListReadSets filters', async () => {
    const list = async (filter) => {
      const out = [];
      let nextToken;
      do {
        const page = await client.send(new ListReadSetsCommand({ sequenceStoreId: store.id, filter, nextToken }));
        out.push(...page.readSets);
        nextToken = page.nextToken;
      } while (nextToken);
      return out;
    };
    const bySample = await list({ sampleId: 'NA24385-pe' });
    assert.deepEqual(bySample.map((r) => r.id), [pairedReadSetId]);
    const bySubject = await list({ subjectId: 'NA12878' });
    assert.ok(bySubject.length >= 1 && bySubject.every((r) => r.subjectId === 'NA12878'));
    const uploaded = await list({ creationType: 'UPLOAD', status: 'ACTIVE' });
    assert.ok(uploaded.every((r) => r.creationType === 'UPLOAD' && r.status === 'ACTIVE'));
    assert.ok(uploaded.some((r) => r.id === ubamReadSetId));
    const byName = await list({ name: 'NA12878 unaligned' });
    assert.deepEqual(byName.map((r) => r.id), [ubamReadSetId]);
    const future = await list({ createdAfter: new Date(Date.now() + 3600e3) });
    assert.equal(future.length, 0);
    const recent = await list({ createdAfter: new Date(Date.now() - 3600e3), creationType: 'UPLOAD' });
    assert.ok(recent.some((r) => r.id === pairedReadSetId));
  });

  const importable = o.s3_sources;
  await check('StartReadSetImportJob of every source type → COMPLETED, read sets created', async () => {
    const types = new Set(importable.map((s) => s.file_type));
    for (const t of ['FASTQ', 'BAM', 'CRAM', 'UBAM']) assert.ok(types.has(t), `an importable ${t}`);
    const sources = importable.map((s, i) => ({
      sourceFiles: { source1: s.uri }, sourceFileType: s.file_type, subjectId: `IMPORT-${i}`, sampleId: `IMPORT-${i}`,
      name: `import ${i}`, ...(s.file_type === 'BAM' || s.file_type === 'CRAM' ? { referenceArn: o.reference_arn } : {}),
    }));
    const started = await client.send(new StartReadSetImportJobCommand({
      sequenceStoreId: store.id, roleArn: o.import_role_arn, clientToken: 'omicsjs-import-1', sources }));
    assert.ok(['SUBMITTED', 'IN_PROGRESS'].includes(started.status));
    const job = await waitFor('the import job to end', async () => {
      const j = await client.send(new GetReadSetImportJobCommand({ sequenceStoreId: store.id, id: started.id }));
      return ['SUBMITTED', 'IN_PROGRESS'].includes(j.status) ? undefined : j;
    });
    assert.equal(job.status, 'COMPLETED', job.statusMessage);
    assert.ok(job.completionTime instanceof Date);
    assert.equal(job.sources.length, sources.length);
    for (const s of job.sources) {
      assert.equal(s.status, 'FINISHED', s.statusMessage);
      const meta = await client.send(new GetReadSetMetadataCommand({ sequenceStoreId: store.id, id: s.readSetId }));
      assert.equal(meta.creationType, 'IMPORT');
      assert.equal(meta.creationJobId, started.id);
      assert.equal(meta.fileType, s.sourceFileType);
    }
    const jobs = await client.send(new ListReadSetImportJobsCommand({ sequenceStoreId: store.id, filter: { status: 'COMPLETED' } }));
    assert.ok(jobs.importJobs.some((j) => j.id === started.id));
  });

  await check('an import of a missing object → FAILED with the reason per source', async () => {
    const missing = importable[0].uri.replace(/[^/]+$/, 'no-such-object.fastq.gz');
    const started = await client.send(new StartReadSetImportJobCommand({
      sequenceStoreId: store.id, roleArn: o.import_role_arn,
      sources: [{ sourceFiles: { source1: missing }, sourceFileType: 'FASTQ', subjectId: 'X', sampleId: 'X' }] }));
    const job = await waitFor('the failing import job to end', async () => {
      const j = await client.send(new GetReadSetImportJobCommand({ sequenceStoreId: store.id, id: started.id }));
      return ['SUBMITTED', 'IN_PROGRESS'].includes(j.status) ? undefined : j;
    });
    assert.equal(job.status, 'FAILED');
    assert.equal(job.sources[0].status, 'FAILED');
    assert.ok(job.sources[0].statusMessage && job.sources[0].statusMessage.length > 0);
    assert.equal(job.sources[0].readSetId, undefined);
  });

  await check('unknown store → ResourceNotFoundException', async () => {
    const err = await expectError(client.send(new GetSequenceStoreCommand({ id: '9999999999' })),
                                  (e) => assert.ok(e instanceof ResourceNotFoundException, `${e.name}: ${e.message}`));
    assert.equal(err.$metadata.httpStatusCode, 404);
    assert.ok(err.message.length > 0);
    assert.ok(err.$metadata.requestId, 'x-amzn-RequestId read');
  });

  await check('out-of-range maxResults → ValidationException', async () => {
    await expectError(client.send(new ListReadSetsCommand({ sequenceStoreId: store.id, maxResults: 0 })),
                      (e) => assert.ok(e instanceof ValidationException, `${e.name}: ${e.message}`));
    await expectError(client.send(new ListReadSetsCommand({ sequenceStoreId: store.id, maxResults: 101 })),
                      (e) => assert.ok(e instanceof ValidationException, `${e.name}: ${e.message}`));
  });

  await check('BAM without a reference → ValidationException', async () => {
    await expectError(client.send(new CreateMultipartReadSetUploadCommand({
      sequenceStoreId: store.id, sourceFileType: 'BAM', subjectId: 'NA12878', sampleId: 'NA12878', name: 'no reference' })),
                      (e) => assert.ok(e instanceof ValidationException, `${e.name}: ${e.message}`));
  });

  await check('a wrong secret key → InvalidSignatureException (403)', async () => {
    const bad = clientFor(o, { credentials: { accessKeyId: o.access_key_id, secretAccessKey: 'x'.repeat(40) }, maxAttempts: 1 });
    const err = await expectError(bad.send(new ListSequenceStoresCommand({})),
                                  (e) => assert.ok(e instanceof OmicsServiceException, `${e.name}: ${e.message}`));
    assert.equal(err.name, 'InvalidSignatureException');
    assert.equal(err.$metadata.httpStatusCode, 403);
  });

  await check('an unknown access key → UnrecognizedClientException (403)', async () => {
    const bad = clientFor(o, { credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: o.secret_access_key },
                               maxAttempts: 1 });
    const err = await expectError(bad.send(new ListSequenceStoresCommand({})), () => {});
    assert.equal(err.name, 'UnrecognizedClientException');
    assert.equal(err.$metadata.httpStatusCode, 403);
  });
} finally {
  for (const c of children) c.kill('SIGTERM');
}

// The documented quotas (GetSequenceStore: 5 TPS) answered with the SDK's ThrottlingException.
const q = await startSandbox('quotas', []);
try {
  await check('a burst beyond the quota → ThrottlingException (429)', async () => {
    const client = clientFor(q, { maxAttempts: 1 });
    const outcomes = await Promise.allSettled(Array.from({ length: 20 },
      () => client.send(new GetSequenceStoreCommand({ id: q.sequence_stores[0].id }))));
    const throttled = outcomes.filter((r) => r.status === 'rejected');
    assert.ok(outcomes.some((r) => r.status === 'fulfilled'), 'some calls within the quota succeed');
    assert.ok(throttled.length > 0, 'the burst is throttled');
    for (const r of throttled) {
      assert.ok(r.reason instanceof ThrottlingException, `${r.reason.name}: ${r.reason.message}`);
      assert.equal(r.reason.$metadata.httpStatusCode, 429);
    }
  });
} finally {
  for (const c of children) c.kill('SIGTERM');
  rmSync(scratch, { recursive: true, force: true });
}

console.log(`${results.passed} passed, ${results.failed} failed`);
process.exit(results.failed === 0 ? 0 : 1);
