// Times a model in ONNX Runtime (onnxruntime-node) on one thread, with all
// graph optimisations: WARMUP untimed runs, then RUNS timed runs; prints one
// latency per line (ms).
//   node bench_ort.js MODEL.onnx WARMUP RUNS
const {open} = require('./ort_session.js');

async function main() {
  const [model, warmup, runs] = [process.argv[2], +process.argv[3], +process.argv[4]];
  const {session, feeds} = await open(model);
  const lines = [];
  for (let r = 0; r < warmup + runs; ++r) {
    const start = process.hrtime.bigint();
    await session.run(feeds);
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (r >= warmup) lines.push(ms.toFixed(4));
  }
  console.log(lines.join('\n'));
}
main().catch((e) => { console.error(`bench_ort: ${e.message}`); process.exit(1); });
