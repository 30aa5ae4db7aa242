/* Times a model compiled by ghostc with --name=model: WARMUP untimed calls,
 * then RUNS timed calls on one thread; prints one latency per line (ms). */
#include "model_call.h"

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
  struct model_call call = model_call_new();
  for (int r = 0; r < warmup + runs; ++r) {
    double start = now_ms();
    if (model_call_run(&call) != 0)
      return 1;
    if (r >= warmup)
      printf("%.4f\n", now_ms() - start);
  }
  return 0;
}
