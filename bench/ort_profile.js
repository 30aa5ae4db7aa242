// ONNX Runtime's own per-node profile of a model (onnxruntime-node, one
// thread, all graph optimisations): RUNS runs with profiling on, then the
// kernel time per operator type, per run, and its share, largest first.
//   node ort_profile.js MODEL.onnx [RUNS]   (through bench/ort_profile.sh)
const fs = require('fs');
const os = require('os');
const path = require('path');
const {open} = require('./ort_session.js');

async function main() {
  const model = process.argv[2];
  const runs = +(process.argv[3] || 200);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ortprof-'));
  const {session, feeds} = await open(model, {
    enableProfiling: true, profileFilePrefix: path.join(dir, 'p'),
  });
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
