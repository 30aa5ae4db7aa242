/* Times a model compiled by ghostc with --name=model: WARMUP untimed calls,
 * then RUNS timed calls on one thread; prints one latency per line (ms). */
#include "model.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

int main(int argc, char **argv) {
  int warmup = argc > 1 ? atoi(argv[1]) : 5;
  int runs = argc > 2 ? atoi(argv[2]) : 30;
  float *input = calloc(MODEL_INPUT0_SIZE, sizeof(float));
  float *output = calloc(MODEL_OUTPUT0_SIZE, sizeof(float));
  for (size_t i = 0; i < MODEL_INPUT0_SIZE; ++i)
    input[i] = (float)((i * 2654435761u) % 1000) / 500.0f - 1.0f;
  void *workspace = aligned_alloc(64, (model_workspace_size() + 63) / 64 * 64 + 64);
  const void *inputs[] = {input};
  void *outputs[] = {output};
  for (int r = 0; r < warmup + runs; ++r) {
    double start = now_ms();
    if (model_run(inputs, outputs, workspace) != 0)
      return 1;
    if (r >= warmup)
      printf("%.4f\n", now_ms() - start);
  }
  return 0;
}
