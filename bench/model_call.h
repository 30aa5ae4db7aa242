/* The arguments of model_run (a model compiled by ghostc with --name=model)
 * for the benchmarks: a fixed pseudo-random input in [-1, 1), an output
 * and a 64-byte aligned workspace. */
#ifndef BENCH_MODEL_CALL_H
#define BENCH_MODEL_CALL_H

#include "model.h"

#include <stdlib.h>

struct model_call {
  const void *inputs[1];
  void *outputs[1];
  void *workspace;
};

static struct model_call model_call_new(void) {
  float *input = calloc(MODEL_INPUT0_SIZE, sizeof(float));
  for (size_t i = 0; i < MODEL_INPUT0_SIZE; ++i)
    input[i] = (float)((i * 2654435761u) % 1000) / 500.0f - 1.0f;
  struct model_call call = {
      {input},
      {calloc(MODEL_OUTPUT0_SIZE, sizeof(float))},
      aligned_alloc(64, (model_workspace_size() + 63) / 64 * 64 + 64)};
  return call;
}

static int model_call_run(const struct model_call *call) {
  return model_run(call->inputs, call->outputs, call->workspace);
}

#endif /* BENCH_MODEL_CALL_H */
