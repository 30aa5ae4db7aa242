// ONNX Runtime's own per-node profile of a model (onnxruntime-node, one
// thread, all graph optimisations): RUNS runs with profiling on, then the
// kernel time per operator type, per run, and its share, largest first.
//   node ort_profile.js MODEL.onnx [RUNS]   (through bench/ort_profile.sh)
const ort = require('onnxruntime-node');
const fs = require('fs');
const os = require('os');
const path = require('path');

async function main() {
  const model = process.argv[2];
  const runs = +(process.argv[3] || 200);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ortprof-'));
  const prefix = path.join(dir, 'p');
  const session = await ort.InferenceSession.create(model, {
    intraOpNumThreads: 1, interOpNumThreads: 1, executionMode: 'sequential',
    graphOptimizationLevel: 'all', enableProfiling: true, profileFilePrefix: prefix,
  });
  const name = session.inputNames[0];
  const dims = [1, 3, 224, 224];
  const data = new Float32Array(dims.reduce((a, b) => a * b));
  for (let i = 0; i < data.length; ++i) data[i] = ((i * 2654435761) % 1000) / 500 - 1;
  const feeds = {[name]: new ort.Tensor('float32', data, dims)};
  for (let r = 0; r < runs; ++r) await session.run(feeds);
  session.endProfiling();
  // The profile is the one JSON file written under the prefix.
  const file = fs.readdirSync(dir).find((f) => f.endsWith('.json'));
  const events = JSON.parse(fs.readFileSync(path.join(dir, file)));
  fs.rmSync(dir, {recursive: true});
  const byOp = new Map();
  for (const e of events)
    if (e.cat === 'Node' && e.name.endsWith('_kernel_time'))
      byOp.set(e.args.op_name, (byOp.get(e.args.op_name) || 0) + e.dur);
  const total = [...byOp.values()].reduce((a, b) => a + b, 0);
  console.log(`${path.basename(model)}: ORT kernel time per run, ${runs} runs with profiling`);
  for (const [op, us] of [...byOp].sort((a, b) => b[1] - a[1]))
    console.log(`${op.padEnd(20)} ${(us / runs / 1000).toFixed(3).padStart(7)} ms ${(100 * us / total).toFixed(1).padStart(5)}%`);
  console.log(`${'total'.padEnd(20)} ${(total / runs / 1000).toFixed(3).padStart(7)} ms`);
}
main().catch((e) => { console.error(`ort_profile: ${e.message}`); process.exit(1); });
