// Times a model in ONNX Runtime (onnxruntime-node) on one thread, with all
// graph optimisations: WARMUP untimed runs, then RUNS timed runs; prints one
// latency per line (ms).
//   node bench_ort.js MODEL.onnx WARMUP RUNS
const ort = require('onnxruntime-node');

async function main() {
  const [model, warmup, runs] = [process.argv[2], +process.argv[3], +process.argv[4]];
  const session = await ort.InferenceSession.create(model, {
    intraOpNumThreads: 1,
    interOpNumThreads: 1,
    executionMode: 'sequential',
    graphOptimizationLevel: 'all',
  });
  const name = session.inputNames[0];
  const dims = [1, 3, 224, 224];
  const data = new Float32Array(dims.reduce((a, b) => a * b));
  for (let i = 0; i < data.length; ++i)
    data[i] = ((i * 2654435761) % 1000) / 500 - 1;
  const feeds = {[name]: new ort.Tensor('float32', data, dims)};
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
