// The ONNX Runtime session both bench scripts time or profile: one thread,
// sequential, all graph optimisations; and a fixed pseudo-random
// 1x3x224x224 input in [-1, 1).
const ort = require('onnxruntime-node');

async function open(model, extraOptions = {}) {
  const session = await ort.InferenceSession.create(model, {
    intraOpNumThreads: 1,
    interOpNumThreads: 1,
    executionMode: 'sequential',
    graphOptimizationLevel: 'all',
    ...extraOptions,
  });
  const dims = [1, 3, 224, 224];
  const data = new Float32Array(dims.reduce((a, b) => a * b));
  for (let i = 0; i < data.length; ++i)
    data[i] = ((i * 2654435761) % 1000) / 500 - 1;
  const feeds = {[session.inputNames[0]]: new ort.Tensor('float32', data, dims)};
  return {session, feeds};
}

module.exports = {open};
