/* Prints the per-layer profile of a model compiled by ghostc with --profile
 * and --name=model: WARMUP untimed calls, then RUNS timed ones; one line per
 * layer, slowest first: its mean time, its share of the total, and its
 * GFLOP/s. */
#include "model_call.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct layer {
  int index;
  char name[256], ops[64], shape[64];
  double flops, ms;
};

static int slowest_first(const void *a, const void *b) {
  double x = ((const struct layer *)a)->ms, y = ((const struct layer *)b)->ms;
  return (x < y) - (x > y);
}

int main(int argc, char **argv) {
  int warmup = argc > 1 ? atoi(argv[1]) : 5;
  int runs = argc > 2 ? atoi(argv[2]) : 50;
  if (runs < 1)
    runs = 1;
  int count = 0;
  for (const char *c = model_profile_table; *c; ++c)
    count += *c == '\n';
  struct model_call call = model_call_new();
  for (int r = 0; r < warmup + runs; ++r) {
    if (r == warmup)
      memset(model_profile_ns, 0, count * sizeof(uint64_t));
    if (model_call_run(&call) != 0)
      return 1;
  }

  struct layer *layers = calloc(count, sizeof(struct layer));
  const char *line = model_profile_table;
  double total = 0, flops = 0;
  for (int i = 0; i < count; ++i) {
    struct layer *l = &layers[i];
    l->index = i;
    if (sscanf(line, "%255[^\t]\t%63[^\t]\t%63[^\t]\t%lf", l->name, l->ops,
               l->shape, &l->flops) != 4)
      return 1;
    l->ms = model_profile_ns[i] / 1e6 / runs;
    total += l->ms;
    flops += l->flops;
    line = strchr(line, '\n') + 1;
  }
  qsort(layers, count, sizeof(struct layer), slowest_first);
  printf("%d layers, mean of %d runs after %d warm-up runs, slowest first\n",
         count, runs, warmup);
  printf("%4s  %-48s %-20s %-16s %9s %7s %9s\n", "#", "layer", "ops", "output",
         "ms", "share", "GFLOP/s");
  for (int i = 0; i < count; ++i) {
    struct layer *l = &layers[i];
    /* Node names are paths: keep their end. */
    size_t length = strlen(l->name);
    if (length > 48)
      memcpy(l->name + length - 48, "..", 2);
    const char *name = length > 48 ? l->name + length - 48 : l->name;
    printf("%4d  %-48s %-20.20s %-16s %9.4f %6.1f%% %9.1f\n", l->index,
           name, l->ops, l->shape, l->ms, 100 * l->ms / total,
           l->ms > 0 ? l->flops / (l->ms * 1e6) : 0.0);
  }
  printf("%4s  %-48s %-20s %-16s %9.4f %6.1f%% %9.1f\n", "", "total", "", "",
         total, 100.0, total > 0 ? flops / (total * 1e6) : 0.0);
  return 0;
}
